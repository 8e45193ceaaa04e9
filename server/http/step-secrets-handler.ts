import { createHash, timingSafeEqual } from 'node:crypto';
import { ZStepSecretsRequestSchema } from '../../workflows/contract/step-secrets';
import type { TDatabase } from '../db/client';
import { AppError } from '../errors';
import { APP_ERROR_STATUS } from './app-error-status';
import { stepSecrets } from '../services/secrets/step-secrets';

const MAX_BODY_CHARS = 4_096;

/**
 * POST /api/internal/step-secrets: pool workers (bearer WEFT_WORKER_TOKEN) ask for one step
 * attempt's secret values. Web answers only what Postgres says that step gets (stepSecrets).
 */
export function createStepSecretsHandler(deps: { db: () => TDatabase; workerToken: () => string | undefined }) {
  return async (req: Request): Promise<Response> => {
    const token = deps.workerToken();
    if (!token) return answer(503, { error: 'WEFT_WORKER_TOKEN is not set on the web server: it cannot hand out step secrets' });
    if (!bearerMatches(req.headers.get('authorization'), token)) return answer(401, { error: 'A pool worker token is required' });
    const text = await req.text();
    if (text.length > MAX_BODY_CHARS) return answer(413, { error: 'The request is too large' });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return answer(400, { error: 'The body is not JSON' });
    }
    const request = ZStepSecretsRequestSchema.safeParse(body);
    if (!request.success) return answer(400, { error: request.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
    try {
      return answer(200, { secrets: await stepSecrets(deps.db(), request.data) });
    } catch (error) {
      if (error instanceof AppError) return answer(APP_ERROR_STATUS[error.code], { error: error.message });
      console.error('[weft] step secrets failed:', error);
      return answer(500, { error: 'Internal error; see the web server log' });
    }
  };
}

/** Compared in constant time (as hashes, so the lengths need not match). */
function bearerMatches(header: string | null, token: string): boolean {
  const given = header?.match(/^Bearer (.+)$/)?.[1];
  if (!given) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}

// never cached by anything in between: the answer holds secret values
const answer = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
