import { and, eq, notInArray, sql } from 'drizzle-orm';
import { runs, stepArtifacts, stepAttempts, stepCache, stepMetrics, steps } from '../../../drizzle/schema';
import { FINAL_STEP_STATUSES, isFinalStep, OPEN_RUN_STATUSES, type TRunRecord, type TStepInputs } from '../../../workflows/dsl';
import { arrayParam } from '../../db/array-param';
import type { TDatabase, TDbOrTx } from '../../db/client';
import { closeEndedRunApprovals, type TEndedRun } from '../approvals/close-ended-run-approvals';
import { evaluateAlertRules } from '../monitoring/evaluate-alert-rules';
import { recordModelChecks } from '../monitoring/record-model-checks';
import { endTrackingRuns, ensureStepTrackingRun } from '../tracking/weft-tracking-runs';
import { writeMetricPoints } from '../tracking/write-metric-points';
import { closeLostAttempts, LONGER_LOG, writeAttemptReport } from './write-attempt-reports';

type TStepRecord = Extract<TRunRecord, { type: 'step' }>;

/**
 * A finished step stays finished: the live and the durable copies of a run's records may arrive
 * in either order, so an older record must not reopen a step.
 */
const FINISHED_SQL = sql.raw(`(${FINAL_STEP_STATUSES.map((s) => `'${s}'`).join(', ')})`);
const OPEN_RUN_SQL = sql.raw(`(${OPEN_RUN_STATUSES.map((s) => `'${s}'`).join(', ')})`);
type TParams = { runId: string; projectId: string };
type TBatch = TParams & { records: TRunRecord[] };
/** a step record with the run it belongs to */
type TRunStepRecord = TParams & { record: TStepRecord };

/**
 * Writes the records of several runs in one transaction (a moment of the record writer, a drain,
 * the reconciler). Consecutive step records are written with a few set-based statements whatever
 * their number, all runs' together (a 1,000-wide fan-out is one batch, not thousands of
 * statements). Every write is keyed (run, node[, attempt]) and safe to repeat, so a batch tried
 * again after a Postgres outage, or written both live and durably, ends the same. Batches of runs
 * without a row (web's transaction that started the run has not committed) are left out and named
 * in `missing`. Drift checks of a monitored model are recorded with their step, and the alert
 * rules they fire are named in `alerts` (their webhook and retraining run come after the commit).
 */
export async function writeRunRecords(db: TDatabase, batches: TBatch[]): Promise<{ missing: string[]; alerts: string[] }> {
  const given = batches.filter((b) => b.records.length > 0);
  if (given.length === 0) return { missing: [], alerts: [] };
  return db.transaction(async (tx) => {
    const alerts: string[] = [];
    const present = new Set((await tx.select({ id: runs.id }).from(runs).where(sql`${runs.id} = any(${arrayParam([...new Set(given.map((b) => b.runId))])}::uuid[])`)).map((r) => r.id));
    const nonEmpty = given.filter((b) => present.has(b.runId));
    if (nonEmpty.length === 0) return { missing: given.map((b) => b.runId), alerts };
    // a run's status and its `finish` (always its last record) go after its steps, all runs' in one statement
    const ends = nonEmpty.flatMap((b) => runEnd(b));
    const rest = nonEmpty.map((b) => ({ ...b, records: b.records.filter((r) => r.type !== 'finish' && r.type !== 'run') }));
    const onlySteps = rest.filter((b) => b.records.every((r) => r.type === 'step'));
    const stepRecords = onlySteps.flatMap((b) => b.records.map((record) => ({ runId: b.runId, projectId: b.projectId, record: record as TStepRecord })));
    if (stepRecords.length > 0) alerts.push(...(await recordSteps(tx, stepRecords)));
    for (const batch of rest) if (!onlySteps.includes(batch)) alerts.push(...(await applyInOrder(tx, batch)));
    if (ends.length > 0) await writeRunStatus(tx, ends);
    return { missing: given.filter((b) => !present.has(b.runId)).map((b) => b.runId), alerts };
  });
}

/** Attempt and flag records, with the step records between them: written in their order. */
async function applyInOrder(tx: TDbOrTx, batch: TBatch): Promise<string[]> {
  let stepRun: TRunStepRecord[] = [];
  const alerts: string[] = [];
  const flushSteps = async () => {
    if (stepRun.length > 0) alerts.push(...(await recordSteps(tx, stepRun)));
    stepRun = [];
  };
  for (const record of batch.records) {
    if (record.type === 'step') {
      stepRun.push({ runId: batch.runId, projectId: batch.projectId, record });
      continue;
    }
    await flushSteps(); // keep the order between step records and the rest
    if (record.type === 'attempt') await writeAttemptReport(tx, batch.runId, record.event);
    else if (record.type === 'flag') {
      await tx
        .update(steps)
        .set({ flag: record.flag })
        .where(and(eq(steps.runId, batch.runId), eq(steps.nodeId, record.nodeId), notInArray(steps.status, [...FINAL_STEP_STATUSES])));
    }
  }
  await flushSteps();
  return alerts;
}

type TRunStatusRecord = Extract<TRunRecord, { type: 'run' | 'finish' }>;

/** A batch's last run status (a `finish` wins) and the earliest moment it speaks of: the run began no later. */
function runEnd(batch: TBatch): { runId: string; record: TRunStatusRecord; firstAt: string }[] {
  const statuses = batch.records.filter((r): r is TRunStatusRecord => r.type === 'run' || r.type === 'finish');
  const record = statuses.find((r) => r.type === 'finish') ?? statuses.at(-1);
  if (!record) return [];
  const times = batch.records.map((r) => (r.type === 'attempt' ? r.event.at : r.type === 'flag' ? record.at : r.at));
  return [{ runId: batch.runId, record, firstAt: times.reduce((a, b) => (a < b ? a : b)) }];
}

/**
 * The runs' statuses (open ones as the reducer says, final ones with their end) in one statement.
 * A run's start is its first record's moment, never the moment of writing (which comes later, and
 * was once after the run's end); a final run is never reopened. The approvals still pending of the
 * runs that end here are closed with them.
 */
async function writeRunStatus(tx: TDbOrTx, ends: { runId: string; record: TRunStatusRecord; firstAt: string }[]) {
  const written = await tx.execute<TEndedRun & { final: boolean }>(sql`
    update ${runs} as r set
      status = v.status,
      error = case when v.final then v.error else r.error end,
      started_at = coalesce(r.started_at, v.first_at),
      ended_at = case when v.final then v.at else r.ended_at end
    from unnest(
      ${arrayParam(ends.map((e) => e.runId))}::uuid[], ${arrayParam(ends.map((e) => e.record.status))}::run_status[],
      ${arrayParam(ends.map((e) => (e.record.type === 'finish' ? (e.record.error ?? null) : null)))}::text[],
      ${arrayParam(ends.map((e) => e.record.at))}::timestamptz[], ${arrayParam(ends.map((e) => e.firstAt))}::timestamptz[],
      ${arrayParam(ends.map((e) => e.record.type === 'finish'))}::boolean[]
    ) as v(id, status, error, at, first_at, final)
    where r.id = v.id and r.status in ${OPEN_RUN_SQL}
    returning r.id as "runId", r.status, r.error, v.final`);
  const final = written.rows.filter((r) => r.final);
  await closeEndedRunApprovals(tx, final);
  await endTrackingRuns(tx, final.map((r) => ({ runId: r.runId, status: r.status, endedAt: ends.find((e) => e.runId === r.runId)!.record.at })));
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

/** Writes the steps' records; returns the alerts that drift checks among them fired. */
async function recordSteps(tx: TDbOrTx, records: TRunStepRecord[]): Promise<string[]> {
  const latest = coalesce(records);
  await tx.execute(sql`
    update ${steps} as s set
      status = v.status,
      error = v.error,
      origin = coalesce(v.origin, s.origin),
      outputs = coalesce(v.outputs::jsonb, s.outputs),
      cache_key = coalesce(v.cache_key, s.cache_key),
      attempts = greatest(s.attempts, v.attempt),
      started_at = coalesce(s.started_at, v.started_at),
      ended_at = case when v.finished then v.at else s.ended_at end,
      flag = case when v.finished then null else s.flag end
    from unnest(
      ${arrayParam(latest.map((r) => r.runId))}::uuid[], ${arrayParam(latest.map((r) => r.nodeId))}::text[],
      ${arrayParam(latest.map((r) => r.status))}::step_status[], ${arrayParam(latest.map((r) => r.error ?? null))}::text[],
      ${arrayParam(latest.map((r) => r.origin ?? null))}::step_origin[], ${arrayParam(latest.map((r) => (r.outputs ? JSON.stringify(r.outputs) : null)))}::text[],
      ${arrayParam(latest.map((r) => r.cacheKey ?? null))}::text[], ${arrayParam(latest.map((r) => r.attempt?.attempt ?? r.attempts ?? 0))}::int[],
      ${arrayParam(latest.map((r) => r.startedAt))}::timestamptz[], ${arrayParam(latest.map((r) => r.at))}::timestamptz[],
      ${arrayParam(latest.map((r) => isFinalStep(r.status)))}::boolean[]
    ) as v(run_id, node_id, status, error, origin, outputs, cache_key, attempt, started_at, at, finished)
    where s.run_id = v.run_id and s.node_id = v.node_id
      and (v.finished or s.status not in ${FINISHED_SQL})`);

  const attempts = latest.flatMap((r) => (r.attempt ? [{ runId: r.runId, nodeId: r.nodeId, at: new Date(r.at), ...r.attempt }] : []));
  if (attempts.length > 0) {
    await tx.execute(sql`
      insert into ${stepAttempts} (run_id, node_id, attempt, status, worker_identity, exit_code, log, gpu_devices, gpu_seconds, started_at, ended_at)
      select v.run_id, v.node_id, v.attempt, 'succeeded', v.worker_identity, v.exit_code, v.log,
        (select array_agg(d) from jsonb_array_elements_text(v.gpu_devices::jsonb) as d), v.gpu_seconds, v.started_at, v.ended_at
      from unnest(
        ${arrayParam(attempts.map((a) => a.runId))}::uuid[], ${arrayParam(attempts.map((a) => a.nodeId))}::text[],
        ${arrayParam(attempts.map((a) => a.attempt))}::int[], ${arrayParam(attempts.map((a) => a.workerIdentity))}::text[],
        ${arrayParam(attempts.map((a) => a.exitCode))}::int[], ${arrayParam(attempts.map((a) => a.log))}::text[],
        ${arrayParam(attempts.map((a) => (a.gpuDevices ? JSON.stringify(a.gpuDevices) : null)))}::text[], ${arrayParam(attempts.map((a) => a.gpuSeconds ?? null))}::float8[],
        ${arrayParam(attempts.map((a) => a.startedAt))}::timestamptz[], ${arrayParam(attempts.map((a) => a.endedAt))}::timestamptz[]
      ) as v(run_id, node_id, attempt, worker_identity, exit_code, log, gpu_devices, gpu_seconds, started_at, ended_at)
      on conflict (run_id, node_id, attempt) do update set
        status = excluded.status, worker_identity = excluded.worker_identity, exit_code = excluded.exit_code, log = ${LONGER_LOG},
        gpu_devices = excluded.gpu_devices, gpu_seconds = excluded.gpu_seconds, ended_at = excluded.ended_at`);
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
    // `weft.log_metric` lands in the tracking store too, as the attempt's child run's metrics
    for (const r of latest.filter((r) => r.origin === 'executed' && Object.keys(r.outputs?.metrics ?? {}).length > 0)) {
      const tracking = await ensureStepTrackingRun(tx, { runId: r.runId, nodeId: r.nodeId, attempt: r.attempt?.attempt ?? r.attempts ?? 1 });
      const timestamp = Date.parse(r.at);
      await writeMetricPoints(tx, tracking.runUuid, Object.entries(r.outputs!.metrics).map(([key, value]) => ({ key, value, step: 0, timestamp })));
    }
  }

  const cacheable = latest.filter((r) => r.status === 'succeeded' && r.origin === 'executed' && r.cacheKey && r.outputs);
  if (cacheable.length > 0) {
    await tx
      .insert(stepCache)
      .values(cacheable.map((r) => ({ projectId: r.projectId, cacheKey: r.cacheKey!, outputs: r.outputs!, sourceRunId: r.runId, sourceNodeId: r.nodeId })))
      .onConflictDoNothing();
  }

  const succeeded = latest.flatMap((r) => (r.status === 'succeeded' && r.outputs ? [{ runId: r.runId, projectId: r.projectId, nodeId: r.nodeId, at: r.at, outputs: r.outputs }] : []));
  return evaluateAlertRules(tx, await recordModelChecks(tx, succeeded));
}

const inputArtifacts = (inputs: TStepInputs) =>
  Object.fromEntries(Object.entries(inputs).flatMap(([fromNode, artifacts]) => Object.entries(artifacts).map(([name, ref]) => [`${fromNode}/${name}`, ref])));
