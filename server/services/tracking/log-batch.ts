import { and, eq, inArray, sql } from 'drizzle-orm';
import { trackingLatestMetrics, trackingMetrics, trackingParams, trackingTags } from '../../../drizzle/schema';
import { arrayParam } from '../../db/array-param';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { findActiveRun } from './find-run';
import type { TLogBatch } from './requests';
import type { TMetricPoint } from './run-json';
import type { TTrackingCaller } from './tracking-access';

/** MLflow's order of "latest": the highest step, then the latest timestamp, then the highest value. */
const newer = (a: TMetricPoint, b: TMetricPoint) => a.step - b.step || a.timestamp - b.timestamp || a.value - b.value;

/**
 * runs/log-batch (and log-metric, log-parameter, set-tag, which are batches of one): everything in
 * one transaction, one multi-row insert per kind, or nothing. Params never change: a key logged
 * again with another value refuses the whole batch, as MLflow does.
 */
export async function logBatch(db: TDatabase, caller: TTrackingCaller, batch: TLogBatch) {
  const { run_id: runId } = batch;
  await findActiveRun(db, caller, runId);
  const params = new Map<string, string>();
  for (const p of batch.params) {
    if (params.has(p.key) && params.get(p.key) !== p.value) throw new AppError('BAD_REQUEST', `params: "${p.key}" is given twice with different values`);
    params.set(p.key, p.value);
  }
  // the last value of a tag given twice wins
  const tags = new Map(batch.tags.map((t) => [t.key, t.value]));
  const latest = new Map<string, TMetricPoint>();
  for (const m of batch.metrics) {
    const seen = latest.get(m.key);
    if (!seen || newer(m, seen) > 0) latest.set(m.key, m);
  }

  await db.transaction(async (tx) => {
    if (params.size) {
      await tx
        .insert(trackingParams)
        .values([...params].map(([key, value]) => ({ runUuid: runId, key, value })))
        .onConflictDoNothing();
      const stored = await tx
        .select({ key: trackingParams.key, value: trackingParams.value })
        .from(trackingParams)
        .where(and(eq(trackingParams.runUuid, runId), inArray(trackingParams.key, [...params.keys()])));
      const changed = stored.find((row) => row.value !== params.get(row.key));
      if (changed) {
        throw new AppError('BAD_REQUEST', `params: "${changed.key}" was logged as "${changed.value}"; a param never changes (tried "${params.get(changed.key)}")`);
      }
    }
    if (tags.size) {
      await tx
        .insert(trackingTags)
        .values([...tags].map(([key, value]) => ({ runUuid: runId, key, value })))
        .onConflictDoUpdate({ target: [trackingTags.runUuid, trackingTags.key], set: { value: sql`excluded.value` } });
    }
    if (batch.metrics.length) {
      // one statement whatever the number of points: a VALUES list of 5,000 parameters cost more to build than to run
      await tx.execute(sql`
        insert into ${trackingMetrics} (run_uuid, key, step, timestamp, value)
        select ${runId}, * from unnest(
          ${arrayParam(batch.metrics.map((m) => m.key))}::text[], ${arrayParam(batch.metrics.map((m) => m.step))}::bigint[],
          ${arrayParam(batch.metrics.map((m) => m.timestamp))}::bigint[], ${arrayParam(batch.metrics.map((m) => m.value))}::float8[])
        on conflict do nothing`);
      await tx
        .insert(trackingLatestMetrics)
        .values([...latest.values()].map((m) => ({ runUuid: runId, key: m.key, step: m.step, timestamp: m.timestamp, value: m.value })))
        .onConflictDoUpdate({
          target: [trackingLatestMetrics.runUuid, trackingLatestMetrics.key],
          set: { step: sql`excluded.step`, timestamp: sql`excluded.timestamp`, value: sql`excluded.value` },
          setWhere: sql`(excluded.step, excluded.timestamp, excluded.value) > (${trackingLatestMetrics.step}, ${trackingLatestMetrics.timestamp}, ${trackingLatestMetrics.value})`,
        });
    }
  });
  return {};
}
