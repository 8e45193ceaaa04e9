import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * What a step attempt's MLflow token says: whose attempt it is and until when it may be used. A
 * pool worker signs it (HMAC with a key derived from WEFT_WORKER_TOKEN, which web also holds), so
 * a step needs no round trip to web before it starts; web checks the signature, the time, and in
 * Postgres that the attempt has not ended (so the token dies with its step, whatever `exp` says).
 */
export const ZStepTrackingClaimsSchema = z.object({
  runId: z.uuid(),
  nodeId: z.string().min(1).max(200),
  attempt: z.number().int().min(1),
  /** a for-each item's index: each item is a tracking run of its own */
  item: z.number().int().min(0).optional(),
  /** epoch seconds */
  exp: z.number().int(),
});
export type TStepTrackingClaims = z.infer<typeof ZStepTrackingClaimsSchema>;

/** A step token's prefix: web tells it from a personal API token by it. */
export const STEP_TOKEN_PREFIX = 'weft-step.';

const signingKey = (workerToken: string) => createHash('sha256').update(`weft step tracking token\0${workerToken}`).digest();
const sign = (workerToken: string, payload: string) => createHmac('sha256', signingKey(workerToken)).update(payload).digest('base64url');

export function mintStepTrackingToken(workerToken: string, claims: TStepTrackingClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${STEP_TOKEN_PREFIX}${payload}.${sign(workerToken, payload)}`;
}

/** The claims of a well-signed, unexpired token; undefined for anything else. */
export function verifyStepTrackingToken(workerToken: string, token: string, nowMs = Date.now()): TStepTrackingClaims | undefined {
  if (!token.startsWith(STEP_TOKEN_PREFIX)) return undefined;
  const [payload, signature, ...rest] = token.slice(STEP_TOKEN_PREFIX.length).split('.');
  if (!payload || !signature || rest.length > 0) return undefined;
  const expected = Buffer.from(sign(workerToken, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = ZStepTrackingClaimsSchema.safeParse(claims);
  if (!parsed.success || parsed.data.exp * 1000 <= nowMs) return undefined;
  return parsed.data;
}

const hex32 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** A Weft run's parent tracking run id (32 hex digits, as MLflow's): known to worker and web alike without asking. */
export const parentTrackingRunId = (runId: string) => hex32(`weft run\0${runId}`);

/** The tracking node id of an attempt: a for-each item's is its node's with the index. */
export const trackingNodeId = (claims: Pick<TStepTrackingClaims, 'nodeId' | 'item'>) => (claims.item === undefined ? claims.nodeId : `${claims.nodeId}[${claims.item}]`);

/** A step attempt's child tracking run id (MLFLOW_RUN_ID). */
export const stepTrackingRunId = (claims: Pick<TStepTrackingClaims, 'runId' | 'nodeId' | 'attempt' | 'item'>) =>
  hex32(`weft step\0${claims.runId}\0${trackingNodeId(claims)}\0${claims.attempt}`);
