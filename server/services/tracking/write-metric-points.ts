import { sql } from 'drizzle-orm';
import { trackingLatestMetrics, trackingMetrics } from '../../../drizzle/schema';
import { arrayParam } from '../../db/array-param';
import type { TDbOrTx } from '../../db/client';
import type { TMetricPoint } from './run-json';

/** MLflow's order of "latest": the highest step, then the latest timestamp, then the highest value. */
const newer = (a: TMetricPoint, b: TMetricPoint) => a.step - b.step || a.timestamp - b.timestamp || a.value - b.value;

/**
 * A run's metric points and, per key, its latest one, in the caller's transaction. An identical
 * point given twice is one point (MLflow's rule), so writing again changes nothing.
 */
export async function writeMetricPoints(tx: TDbOrTx, runId: string, metrics: readonly (TMetricPoint & { key: string })[]): Promise<void> {
  if (metrics.length === 0) return;
  const latest = new Map<string, TMetricPoint & { key: string }>();
  for (const m of metrics) {
    const seen = latest.get(m.key);
    if (!seen || newer(m, seen) > 0) latest.set(m.key, m);
  }
  // one statement whatever the number of points: a VALUES list of 5,000 parameters cost more to build than to run
  await tx.execute(sql`
    insert into ${trackingMetrics} (run_uuid, key, step, timestamp, value)
    select ${runId}, * from unnest(
      ${arrayParam(metrics.map((m) => m.key))}::text[], ${arrayParam(metrics.map((m) => m.step))}::bigint[],
      ${arrayParam(metrics.map((m) => m.timestamp))}::bigint[], ${arrayParam(metrics.map((m) => m.value))}::float8[])
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
