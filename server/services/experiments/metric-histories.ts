import { and, count, inArray, sql } from 'drizzle-orm';
import { trackingMetrics } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { findProjectRuns } from './project-experiment';
import type { z } from 'zod';
import type { ZMetricHistoriesSchema } from './requests';

/**
 * One metric of one run as two columns of `points` IEEE-754 doubles, big-endian, base64: `steps`
 * and `values`, in step then time order (components/experiments/columnar.ts decodes them).
 * Columnar and binary because 10 runs × 10,000 points as objects cost ~150 ms in superjson alone
 * and ~2.4 MB of JSON; this way Postgres builds the columns (float8send, string_agg), Node only
 * base64-encodes them, and the browser reads them with a DataView. NaN and ±Infinity survive.
 * `logged` is how many points the run has: above MAX_POINTS the series is an even sample of them.
 */
export type TColumnarSeries = { runUuid: string; key: string; points: number; logged: number; steps: string; values: string };

/** Per series: more than a chart's width has pixels, and 20 runs × 50 metrics of them stay a few tens of MB at most. */
export const MAX_POINTS = 10_000;

/**
 * The histories of `keys` for each run: every point up to MAX_POINTS, else every k-th point and the
 * last one, so a run of a million steps cannot stall the browser. A count first (an index-only
 * scan) tells whether any series is that long: only then is the (slower) numbering query run.
 */
export async function metricHistories(db: TDbOrTx, projectId: string, input: z.infer<typeof ZMetricHistoriesSchema>): Promise<TColumnarSeries[]> {
  await findProjectRuns(db, projectId, input.runUuids);
  const m = trackingMetrics;
  const where = and(inArray(m.runUuid, input.runUuids), inArray(m.key, input.keys));
  const counts = await db.select({ n: count() }).from(m).where(where).groupBy(m.runUuid, m.key);
  const sampled = counts.some((c) => c.n > MAX_POINTS);
  const order = sql`order by ${m.step}, ${m.timestamp}, ${m.value}`;
  // (both answer run_uuid, key, points, logged, steps, values; the columns in step, time, value order)
  const query = sampled
    ? sql`
      select run_uuid, key, count(*)::int as points, max(n)::int as logged,
        string_agg(float8send(step::float8), ''::bytea order by rn) as steps,
        string_agg(float8send(value), ''::bytea order by rn) as values
      from (
        select ${m.runUuid} as run_uuid, ${m.key} as key, ${m.step} as step, ${m.value} as value,
          row_number() over (partition by ${m.runUuid}, ${m.key} ${order}) as rn,
          count(*) over (partition by ${m.runUuid}, ${m.key}) as n
        from ${m} where ${where}
      ) numbered
      where n <= ${MAX_POINTS} or (rn - 1) % ceil(n::float8 / ${MAX_POINTS})::bigint = 0 or rn = n
      group by run_uuid, key`
    : sql`
      select ${m.runUuid} as run_uuid, ${m.key} as key, count(*)::int as points, count(*)::int as logged,
        string_agg(float8send(${m.step}::float8), ''::bytea ${order}) as steps,
        string_agg(float8send(${m.value}), ''::bytea ${order}) as values
      from ${m} where ${where}
      group by ${m.runUuid}, ${m.key}`;
  const result = await db.execute<{ run_uuid: string; key: string; points: number; logged: number; steps: Buffer; values: Buffer }>(query);
  const rank = new Map(input.runUuids.map((id, i) => [id, i]));
  return result.rows
    .map((r) => ({ runUuid: r.run_uuid, key: r.key, points: r.points, logged: r.logged, steps: r.steps.toString('base64'), values: r.values.toString('base64') }))
    .sort((a, b) => rank.get(a.runUuid)! - rank.get(b.runUuid)! || a.key.localeCompare(b.key));
}
