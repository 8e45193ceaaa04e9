import { mintStepTrackingToken, stepTrackingRunId, type TStepTrackingClaims } from '../contract/step-tracking';

/** A step attempt's MLflow environment: its child run and a token for it alone. */
export type TStepTracking = (attempt: Omit<TStepTrackingClaims, 'exp'>, timeoutMs: number) => Record<string, string>;

/** The token outlives the attempt's own limit by this much; web refuses it anyway once the attempt has ended. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/**
 * `import mlflow` in a step logs into Weft: MLFLOW_RUN_ID is the attempt's child run (web makes
 * it, and the pipeline's experiment and the run's parent run, at the first request), the token is
 * signed here (no round trip before the step starts). A step in a network namespace of its own
 * reaches web through the worker's bridge socket (`socket`, as the sandbox shows it; the step's
 * python sets MLFLOW_TRACKING_URI); any other reaches web's address itself.
 */
export function stepTrackingFromWeb(opts: { webUrl: string; workerToken: string; socket?: string }): TStepTracking {
  const where: Record<string, string> = opts.socket ? { WEFT_MLFLOW_SOCKET: opts.socket } : { MLFLOW_TRACKING_URI: new URL('/mlflow', opts.webUrl).href };
  return (attempt, timeoutMs) => {
    const exp = Math.ceil((Date.now() + timeoutMs + EXPIRY_MARGIN_MS) / 1000);
    return {
      ...where,
      MLFLOW_RUN_ID: stepTrackingRunId(attempt),
      MLFLOW_TRACKING_TOKEN: mintStepTrackingToken(opts.workerToken, { ...attempt, exp }),
    };
  };
}
