import { and, asc, eq, lt } from 'drizzle-orm';
import { alerts } from '../../../drizzle/schema';
import type { TServiceDeps } from '../deps';
import { startAlertDispatch } from './start-alert-dispatch';

const SWEEP_EVERY_MS = 30_000;
/** an alert younger than this is left to the fast path that fired it */
const GRACE_MS = 5_000;
const BATCH = 100;
const WARN_EVERY_MS = 5 * 60_000;

/**
 * Starts the dispatch of pending alerts whose workflow may never have started: the control worker
 * died between the record's commit and the start, or Temporal was away then. Postgres holds the
 * fact (`dispatch = 'pending'`); starting a dispatch that runs already is a no-op. Returns the
 * alerts it found pending.
 */
export async function sweepAlertDispatch(deps: TServiceDeps, now = new Date()): Promise<string[]> {
  const pending = await deps.db
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(eq(alerts.dispatch, 'pending'), lt(alerts.firedAt, new Date(now.getTime() - GRACE_MS))))
    .orderBy(asc(alerts.firedAt))
    .limit(BATCH);
  const ids = pending.map((a) => a.id);
  const notStarted = await startAlertDispatch(deps.temporal, ids);
  if (notStarted.length > 0) throw new Error(`${notStarted.length} alert dispatch(es) could not be started, tried again in ${SWEEP_EVERY_MS / 1000} s`);
  return ids;
}

/**
 * The control worker's sweep: at start and every 30 s. This timer only relays what Postgres holds
 * to Temporal; the retries with backoff are Temporal's, in the dispatch workflow.
 */
export function startAlertSweep(deps: TServiceDeps, warn: (message: string) => void = (m) => console.warn(m)) {
  let warnedAt = 0;
  const tick = () =>
    void sweepAlertDispatch(deps).catch((error: unknown) => {
      if (Date.now() - warnedAt < WARN_EVERY_MS) return;
      warnedAt = Date.now();
      warn(`[weft] alert dispatch sweep: ${error instanceof Error ? error.message : String(error)}`);
    });
  tick();
  const timer = setInterval(tick, SWEEP_EVERY_MS);
  return () => clearInterval(timer);
}
