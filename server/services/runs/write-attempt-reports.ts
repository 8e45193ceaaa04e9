import { and, eq, lt, sql } from 'drizzle-orm';
import { stepAttempts } from '../../../drizzle/schema';
import type { TStepAttemptEvent } from '../../../workflows/dsl';
import type { TDbOrTx } from '../../db/client';

/**
 * An attempt's log only grows, so a write never replaces it with a shorter one: a run's result
 * carries its logs shortened (workflows/dsl/run-records.ts), and the reconciler writing those must
 * not cut the whole log the live writer stored.
 */
export const LONGER_LOG = sql`case when length(coalesce(${stepAttempts.log}, '')) > length(coalesce(excluded.log, '')) then ${stepAttempts.log} else excluded.log end`;

/**
 * Writes an attempt's start or failure reported by a pool worker, idempotent on (run, node,
 * attempt). The step's own status (running, retrying) comes with the reducer's step records.
 */
export async function writeAttemptReport(tx: TDbOrTx, runId: string, event: TStepAttemptEvent): Promise<void> {
  const at = new Date(event.at);
  // a failure reported without a start report still spans its attempt (it once showed 0 ms)
  const startedAt = new Date(event.startedAt ?? event.at);
  const outcome = event.outcome;
  await tx
    .insert(stepAttempts)
    .values({
      runId,
      nodeId: event.nodeId,
      attempt: event.attempt,
      status: outcome?.status ?? 'running',
      workerIdentity: event.workerIdentity,
      gpuDevices: event.gpuDevices ?? null,
      startedAt,
      ...(outcome ? { endedAt: at, exitCode: outcome.exitCode, error: outcome.error ?? null, log: outcome.log, gpuSeconds: outcome.gpuSeconds ?? null } : {}),
    })
    .onConflictDoUpdate({
      target: [stepAttempts.runId, stepAttempts.nodeId, stepAttempts.attempt],
      // a 'started' report arriving after the 'finished' one must not reopen the attempt
      set: outcome
        ? { status: outcome.status, endedAt: at, exitCode: outcome.exitCode, error: outcome.error ?? null, log: LONGER_LOG, gpuSeconds: outcome.gpuSeconds ?? null }
        : { workerIdentity: event.workerIdentity, gpuDevices: event.gpuDevices ?? null },
    });
  if (!outcome) await closeLostAttempts(tx, runId, event.nodeId, event.attempt, at);
}

/**
 * A newer attempt started while older ones still show running: their worker died without a word
 * (Temporal retried them after the heartbeat timeout). Close them so the record tells the story;
 * an older attempt never reported at all (its worker died in its first moments) gets a row too.
 */
export async function closeLostAttempts(tx: TDbOrTx, runId: string, nodeId: string, newerAttempt: number, at: Date): Promise<void> {
  await tx
    .update(stepAttempts)
    .set({ status: 'failed', endedAt: at, error: 'Lost: its worker stopped heartbeating (killed or disconnected)' })
    .where(and(eq(stepAttempts.runId, runId), eq(stepAttempts.nodeId, nodeId), lt(stepAttempts.attempt, newerAttempt), eq(stepAttempts.status, 'running')));
  if (newerAttempt > 1) {
    await tx.execute(sql`
      insert into ${stepAttempts} (run_id, node_id, attempt, status, started_at, ended_at, error)
      select ${runId}, ${nodeId}, n, 'failed', ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz,
             'Lost: its worker stopped before the attempt reported (killed or disconnected)'
      from generate_series(1, ${newerAttempt - 1}::int) as n
      on conflict (run_id, node_id, attempt) do nothing`);
  }
}
