import { and, eq, inArray, sql } from 'drizzle-orm';
import { runs, stepArtifacts, stepAttempts, stepCache, stepMetrics, steps } from '../../../drizzle/schema';
import type { TAttemptRecord, TRunRecord, TStepInputs } from '../../../workflows/activities/types';
import { isFinished, type TStepOutputs } from '../../../workflows/dsl';
import type { TDatabase, TDbOrTx } from '../../db/client';
import { closeLostAttempts, recordAttemptEvent } from './record-step-attempts';

/**
 * Applies a batch of run records in one transaction. Every write is keyed (run, node[, attempt])
 * and safe to repeat, so a retried batch after a Postgres outage leaves each record exactly once.
 */
export async function recordProgress(db: TDatabase, params: { runId: string; projectId: string; records: TRunRecord[] }): Promise<void> {
  if (params.records.length === 0) return;
  await db.transaction(async (tx) => {
    for (const record of params.records) {
      if (record.type === 'attempt') await recordAttemptEvent(tx, params.runId, record.event);
      else if (record.type === 'finish') {
        await tx
          .update(runs)
          .set({ status: record.status, error: record.error ?? null, endedAt: new Date(record.at) })
          .where(eq(runs.id, params.runId));
      } else if (record.type === 'flag') {
        await tx.update(steps).set({ flag: record.flag }).where(and(eq(steps.runId, params.runId), eq(steps.nodeId, record.nodeId)));
      } else await recordStep(tx, params, record);
    }
    if (!params.records.some((r) => r.type === 'finish')) await syncRunStatus(tx, params.runId);
  });
}

async function recordStep(tx: TDbOrTx, params: { runId: string; projectId: string }, record: Extract<TRunRecord, { type: 'step' }>) {
  const at = new Date(record.at);
  const finished = isFinished(record.status);
  await tx
    .update(steps)
    .set({
      status: record.status,
      error: record.error ?? null,
      ...(record.origin ? { origin: record.origin } : {}),
      ...(record.outputs ? { outputs: record.outputs } : {}),
      ...(record.cacheKey ? { cacheKey: record.cacheKey } : {}),
      ...(record.attempt ? { attempts: sql`greatest(${steps.attempts}, ${record.attempt.attempt})` } : {}),
      ...(finished ? { endedAt: at, flag: null } : {}),
      startedAt: sql`coalesce(${steps.startedAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(and(eq(steps.runId, params.runId), eq(steps.nodeId, record.nodeId)));
  if (record.attempt) {
    await recordFinalAttempt(tx, params.runId, record.nodeId, record.attempt);
    await closeLostAttempts(tx, params.runId, record.nodeId, record.attempt.attempt, at);
  }
  if (record.inputs) await recordLineage(tx, params.runId, record.nodeId, 'input', inputArtifacts(record.inputs));
  if (record.outputs) {
    await recordLineage(tx, params.runId, record.nodeId, 'output', record.outputs.artifacts);
    await recordMetrics(tx, params.runId, record.nodeId, record.outputs);
  }
  if (record.status === 'succeeded' && record.origin === 'executed' && record.cacheKey && record.outputs) {
    await tx
      .insert(stepCache)
      .values({ projectId: params.projectId, cacheKey: record.cacheKey, outputs: record.outputs, sourceRunId: params.runId, sourceNodeId: record.nodeId })
      .onConflictDoNothing();
  }
}

async function recordFinalAttempt(tx: TDbOrTx, runId: string, nodeId: string, attempt: TAttemptRecord) {
  const values = {
    status: 'succeeded' as const,
    workerIdentity: attempt.workerIdentity,
    exitCode: attempt.exitCode,
    log: attempt.log,
    startedAt: new Date(attempt.startedAt),
    endedAt: new Date(attempt.endedAt),
  };
  await tx
    .insert(stepAttempts)
    .values({ runId, nodeId, attempt: attempt.attempt, ...values })
    .onConflictDoUpdate({ target: [stepAttempts.runId, stepAttempts.nodeId, stepAttempts.attempt], set: values });
}

const inputArtifacts = (inputs: TStepInputs) =>
  Object.fromEntries(Object.entries(inputs).flatMap(([fromNode, artifacts]) => Object.entries(artifacts).map(([name, ref]) => [`${fromNode}/${name}`, ref])));

async function recordLineage(tx: TDbOrTx, runId: string, nodeId: string, direction: 'input' | 'output', artifacts: TStepOutputs['artifacts']) {
  const rows = Object.entries(artifacts).map(([name, ref]) => ({ runId, nodeId, direction, name, hash: ref.hash, size: ref.size }));
  if (rows.length > 0) await tx.insert(stepArtifacts).values(rows).onConflictDoNothing();
}

async function recordMetrics(tx: TDbOrTx, runId: string, nodeId: string, outputs: TStepOutputs) {
  const rows = Object.entries(outputs.metrics).map(([key, value]) => ({ runId, nodeId, key, value }));
  if (rows.length > 0) {
    await tx
      .insert(stepMetrics)
      .values(rows)
      .onConflictDoUpdate({ target: [stepMetrics.runId, stepMetrics.nodeId, stepMetrics.key], set: { value: sql`excluded.value` } });
  }
}

/** While the run is open, its status follows its steps: waiting_approval when any gate waits. */
export async function syncRunStatus(tx: TDbOrTx, runId: string) {
  await tx
    .update(runs)
    .set({
      status: sql`case when exists (select 1 from ${steps} where ${steps.runId} = ${runId} and ${steps.status} = 'waiting_approval') then 'waiting_approval'::run_status else 'running'::run_status end`,
    })
    .where(and(eq(runs.id, runId), inArray(runs.status, ['running', 'waiting_approval'])));
}
