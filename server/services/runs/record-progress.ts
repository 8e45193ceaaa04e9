import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { runs, stepArtifacts, stepAttempts, stepCache, stepMetrics, steps } from '../../../drizzle/schema';
import type { TRunRecord, TStepInputs } from '../../../workflows/activities/types';
import { isFinished, STEP_STATUSES } from '../../../workflows/dsl';
import type { TDatabase, TDbOrTx } from '../../db/client';
import { RunRowMissingError } from './begin-run';
import { closeLostAttempts, recordAttemptEvent } from './record-step-attempts';

type TStepRecord = Extract<TRunRecord, { type: 'step' }>;

/**
 * A finished step stays finished: the live and the durable copies of a run's records may arrive
 * in either order (record-progress is called by both), so an older record must not reopen a step.
 */
const FINISHED_STATUSES = STEP_STATUSES.filter(isFinished);
const FINISHED_SQL = sql.raw(`(${FINISHED_STATUSES.map((s) => `'${s}'`).join(', ')})`);
type TParams = { runId: string; projectId: string };
type TBatch = TParams & { records: TRunRecord[] };
/** a step record with the run it belongs to */
type TRunStepRecord = TParams & { record: TStepRecord };

/**
 * Applies a batch of run records in one transaction. Consecutive step records are written with a
 * few set-based statements whatever their number (a 1,000-wide fan-out is one batch, not
 * thousands of statements). Every write is keyed (run, node[, attempt]) and safe to repeat, so a
 * retried batch after a Postgres outage leaves each record exactly once, and a batch written both
 * live and durably (in either order) ends the same.
 */
export async function recordProgress(db: TDatabase, batch: TBatch): Promise<void> {
  const { missing } = await recordProgressOfRuns(db, [batch]);
  if (missing.length > 0) throw new RunRowMissingError(`Run ${batch.runId} does not exist`);
}

/**
 * The batches of several runs in one transaction (the live writer's moment of records): step
 * records of all runs share the same few set-based statements. Batches of runs without a row
 * (web's transaction that started the run has not committed) are left out and named in `missing`.
 */
export async function recordProgressOfRuns(db: TDatabase, batches: TBatch[]): Promise<{ missing: string[] }> {
  const given = batches.filter((b) => b.records.length > 0);
  if (given.length === 0) return { missing: [] };
  return db.transaction(async (tx) => {
    const present = new Set((await tx.select({ id: runs.id }).from(runs).where(inArray(runs.id, [...new Set(given.map((b) => b.runId))]))).map((r) => r.id));
    const nonEmpty = given.filter((b) => present.has(b.runId));
    if (nonEmpty.length === 0) return { missing: given.map((b) => b.runId) };
    const onlySteps = nonEmpty.filter((b) => b.records.every((r) => r.type === 'step'));
    const stepRecords = onlySteps.flatMap((b) => b.records.map((record) => ({ runId: b.runId, projectId: b.projectId, record: record as TStepRecord })));
    if (stepRecords.length > 0) await recordSteps(tx, stepRecords);
    for (const batch of nonEmpty) if (!onlySteps.includes(batch)) await applyInOrder(tx, batch);
    const open = nonEmpty.filter((b) => !b.records.some((r) => r.type === 'finish')).map((b) => b.runId);
    if (open.length > 0) await syncRunStatus(tx, open);
    return { missing: given.filter((b) => !present.has(b.runId)).map((b) => b.runId) };
  });
}

/** A batch with attempt, flag or finish records: written in its order. */
async function applyInOrder(tx: TDbOrTx, batch: TBatch) {
  let stepRun: TRunStepRecord[] = [];
  const flushSteps = async () => {
    if (stepRun.length > 0) await recordSteps(tx, stepRun);
    stepRun = [];
  };
  for (const record of batch.records) {
    if (record.type === 'step') {
      stepRun.push({ runId: batch.runId, projectId: batch.projectId, record });
      continue;
    }
    await flushSteps(); // keep the order between step records and the rest
    if (record.type === 'attempt') await recordAttemptEvent(tx, batch.runId, record.event);
    else if (record.type === 'flag') {
      await tx
        .update(steps)
        .set({ flag: record.flag })
        .where(and(eq(steps.runId, batch.runId), eq(steps.nodeId, record.nodeId), notInArray(steps.status, FINISHED_STATUSES)));
    } else {
      await tx
        .update(runs)
        .set({ status: record.status, error: record.error ?? null, startedAt: sql`coalesce(${runs.startedAt}, now())`, endedAt: new Date(record.at) })
        .where(eq(runs.id, batch.runId));
    }
  }
  await flushSteps();
}

/** The last record of each (run, node) wins; the earliest time among its records is when it started. */
function coalesce(records: TRunStepRecord[]) {
  const byNode = new Map<string, TRunStepRecord['record'] & TParams & { startedAt: string }>();
  for (const { runId, projectId, record } of records) {
    const key = `${runId}/${record.nodeId}`;
    const previous = byNode.get(key);
    byNode.set(key, { ...previous, ...record, runId, projectId, startedAt: previous?.startedAt ?? record.at });
  }
  return [...byNode.values()];
}

async function recordSteps(tx: TDbOrTx, records: TRunStepRecord[]) {
  const latest = coalesce(records);
  const rows = latest.map(
    (r) =>
      sql`(${r.runId}::uuid, ${r.nodeId}, ${r.status}, ${r.error ?? null}, ${r.origin ?? null}, ${r.outputs ? JSON.stringify(r.outputs) : null}, ${r.cacheKey ?? null}, ${r.attempt?.attempt ?? 0}, ${r.startedAt}, ${r.at}, ${isFinished(r.status)})`,
  );
  await tx.execute(sql`
    update ${steps} as s set
      status = v.status::step_status,
      error = v.error,
      origin = coalesce(v.origin::step_origin, s.origin),
      outputs = coalesce(v.outputs::jsonb, s.outputs),
      cache_key = coalesce(v.cache_key, s.cache_key),
      attempts = greatest(s.attempts, v.attempt::int),
      started_at = coalesce(s.started_at, v.started_at::timestamptz),
      ended_at = case when v.finished::boolean then v.at::timestamptz else s.ended_at end,
      flag = case when v.finished::boolean then null else s.flag end
    from (values ${sql.join(rows, sql`, `)}) as v(run_id, node_id, status, error, origin, outputs, cache_key, attempt, started_at, at, finished)
    where s.run_id = v.run_id and s.node_id = v.node_id
      and (v.finished::boolean or s.status not in ${FINISHED_SQL})`);

  const attempts = latest.flatMap((r) => (r.attempt ? [{ runId: r.runId, nodeId: r.nodeId, at: new Date(r.at), ...r.attempt }] : []));
  if (attempts.length > 0) {
    await tx
      .insert(stepAttempts)
      .values(
        attempts.map((a) => ({
          runId: a.runId,
          nodeId: a.nodeId,
          attempt: a.attempt,
          status: 'succeeded' as const,
          workerIdentity: a.workerIdentity,
          exitCode: a.exitCode,
          log: a.log,
          gpuDevices: a.gpuDevices ?? null,
          gpuSeconds: a.gpuSeconds ?? null,
          startedAt: new Date(a.startedAt),
          endedAt: new Date(a.endedAt),
        })),
      )
      .onConflictDoUpdate({
        target: [stepAttempts.runId, stepAttempts.nodeId, stepAttempts.attempt],
        set: {
          status: sql`excluded.status`,
          workerIdentity: sql`excluded.worker_identity`,
          exitCode: sql`excluded.exit_code`,
          log: sql`excluded.log`,
          gpuDevices: sql`excluded.gpu_devices`,
          gpuSeconds: sql`excluded.gpu_seconds`,
          endedAt: sql`excluded.ended_at`,
        },
      });
    // earlier attempts still "running" were lost with their worker (rare: only after a retry)
    for (const a of attempts) if (a.attempt > 1) await closeLostAttempts(tx, a.runId, a.nodeId, a.attempt, a.at);
  }

  const lineage = latest.flatMap((r) => [
    ...Object.entries(r.inputs ? inputArtifacts(r.inputs) : {}).map(([name, ref]) => ({ runId: r.runId, nodeId: r.nodeId, direction: 'input' as const, name, ...ref })),
    ...Object.entries(r.outputs?.artifacts ?? {}).map(([name, ref]) => ({ runId: r.runId, nodeId: r.nodeId, direction: 'output' as const, name, ...ref })),
  ]);
  if (lineage.length > 0) await tx.insert(stepArtifacts).values(lineage).onConflictDoNothing();

  const metrics = latest.flatMap((r) => Object.entries(r.outputs?.metrics ?? {}).map(([key, value]) => ({ runId: r.runId, nodeId: r.nodeId, key, value })));
  if (metrics.length > 0) {
    await tx
      .insert(stepMetrics)
      .values(metrics)
      .onConflictDoUpdate({ target: [stepMetrics.runId, stepMetrics.nodeId, stepMetrics.key], set: { value: sql`excluded.value` } });
  }

  const cacheable = latest.filter((r) => r.status === 'succeeded' && r.origin === 'executed' && r.cacheKey && r.outputs);
  if (cacheable.length > 0) {
    await tx
      .insert(stepCache)
      .values(cacheable.map((r) => ({ projectId: r.projectId, cacheKey: r.cacheKey!, outputs: r.outputs!, sourceRunId: r.runId, sourceNodeId: r.nodeId })))
      .onConflictDoNothing();
  }
}

const inputArtifacts = (inputs: TStepInputs) =>
  Object.fromEntries(Object.entries(inputs).flatMap(([fromNode, artifacts]) => Object.entries(artifacts).map(([name, ref]) => [`${fromNode}/${name}`, ref])));

/**
 * While a run is open, its status follows its steps: waiting_approval when any gate waits, else
 * running (a queued run that web prepared begins with its first records).
 */
export async function syncRunStatus(tx: TDbOrTx, runIds: string[]) {
  await tx
    .update(runs)
    .set({
      status: sql`case when exists (select 1 from ${steps} where ${steps.runId} = ${runs.id} and ${steps.status} = 'waiting_approval') then 'waiting_approval'::run_status else 'running'::run_status end`,
      startedAt: sql`coalesce(${runs.startedAt}, now())`,
    })
    .where(and(inArray(runs.id, runIds), inArray(runs.status, ['queued', 'running', 'waiting_approval'])));
}
