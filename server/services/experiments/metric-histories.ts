import { and, inArray, sql } from 'drizzle-orm';
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
 */
export type TColumnarSeries = { runUuid: string; key: string; points: number; steps: string; values: string };

const order = sql`order by ${trackingMetrics.step}, ${trackingMetrics.timestamp}, ${trackingMetrics.value}`;

/** The full histories of `keys` for each run: one index range scan of tracking_metrics' primary key per (run, key). */
export async function metricHistories(db: TDbOrTx, projectId: string, input: z.infer<typeof ZMetricHistoriesSchema>): Promise<TColumnarSeries[]> {
  await findProjectRuns(db, projectId, input.runUuids);
  const result = await db.execute<{ run_uuid: string; key: string; points: number; steps: Buffer; values: Buffer }>(sql`
    select ${trackingMetrics.runUuid} as run_uuid, ${trackingMetrics.key} as key, count(*)::int as points,
      string_agg(float8send(${trackingMetrics.step}::float8), ''::bytea ${order}) as steps,
      string_agg(float8send(${trackingMetrics.value}), ''::bytea ${order}) as values
    from ${trackingMetrics}
    where ${and(inArray(trackingMetrics.runUuid, input.runUuids), inArray(trackingMetrics.key, input.keys))}
    group by ${trackingMetrics.runUuid}, ${trackingMetrics.key}`);
  const rank = new Map(input.runUuids.map((id, i) => [id, i]));
  return result.rows
    .map((r) => ({ runUuid: r.run_uuid, key: r.key, points: r.points, steps: r.steps.toString('base64'), values: r.values.toString('base64') }))
    .sort((a, b) => rank.get(a.runUuid)! - rank.get(b.runUuid)! || a.key.localeCompare(b.key));
}
