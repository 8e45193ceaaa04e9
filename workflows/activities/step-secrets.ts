import { ApplicationFailure } from '@temporalio/activity';
import { STEP_SECRETS_PATH, ZStepSecretsAnswerSchema, type TStepSecretsRequest } from '../contract/step-secrets';

/** Where a pool worker gets a step's secret values at attempt time (never from Temporal). */
export type TStepSecretsSource = (request: TStepSecretsRequest) => Promise<Record<string, string>>;

const TIMEOUT_MS = 15_000;

/**
 * Asks web's internal endpoint as a pool worker (bearer WEFT_WORKER_TOKEN). A refusal (the step is
 * finished, the node gets no such secret, a secret was deleted) fails the step for good; an
 * unreachable web, a 5xx or a token web does not know (this worker's setup) are retried.
 */
export function stepSecretsFromWeb(opts: { webUrl: string; token: string }): TStepSecretsSource {
  const url = new URL(STEP_SECRETS_PATH, opts.webUrl);
  return async (request) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw ApplicationFailure.retryable(`Could not reach ${url.origin} for the step's secrets: ${(error as Error).message}`, 'StepSecretsUnavailable');
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) return ZStepSecretsAnswerSchema.parse(body).secrets;
    const reason = (body as { error?: unknown } | null)?.error;
    const message = `The step's secrets were refused (${response.status}): ${typeof reason === 'string' ? reason : response.statusText}`;
    if (response.status >= 400 && response.status < 500 && response.status !== 401 && response.status !== 429) {
      throw ApplicationFailure.nonRetryable(message, 'StepSecretsRefused');
    }
    throw ApplicationFailure.retryable(message, 'StepSecretsUnavailable');
  };
}

/** A pool worker started with WEFT_WEB_URL and WEFT_WORKER_TOKEN can run steps that get secrets. */
export function stepSecretsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): TStepSecretsSource | undefined {
  const webUrl = env.WEFT_WEB_URL;
  const token = env.WEFT_WORKER_TOKEN;
  return webUrl && token ? stepSecretsFromWeb({ webUrl, token }) : undefined;
}
