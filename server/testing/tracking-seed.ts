import { sql } from 'drizzle-orm';
import { trackingExperiments, trackingLatestMetrics, trackingMetrics, trackingParams, trackingRuns } from '../../drizzle/schema';
import type { TDatabase } from '../db/client';

/**
 * A big experiment made in a few set-based inserts (tests and the bench): `runs` runs with params
 * `p0..` (`model` cycling through rf/svm/knn) and latest metrics `m0..` (`acc` = n / runs), as
 * the UI's runs table meets them. Answers the experiment id and the run ids (newest first).
 */
export async function seedBigExperiment(db: TDatabase, opts: { projectId: string; name: string; runs: number; params?: number; metrics?: number }) {
  const now = Date.now();
  const [experiment] = await db.insert(trackingExperiments).values({ projectId: opts.projectId, name: opts.name, creationTime: now, lastUpdateTime: now }).returning({ id: trackingExperiments.id });
  const experimentId = experiment!.id;
  await db.execute(sql`
    insert into ${trackingRuns} (run_uuid, experiment_id, name, status, start_time, end_time, artifact_uri)
    select md5(${experimentId}::text || '-' || i), ${experimentId}, 'run ' || i, 'FINISHED', ${now}::bigint + i, ${now}::bigint + i + 1000, ''
    from generate_series(1, ${opts.runs}) i`);
  const runsOf = sql`select run_uuid, row_number() over (order by start_time) as n from ${trackingRuns} where experiment_id = ${experimentId}`;
  await db.execute(sql`insert into ${trackingParams} (run_uuid, key, value)
    select run_uuid, 'model', (array['rf', 'svm', 'knn'])[n % 3 + 1] from (${runsOf}) r
    union all select run_uuid, 'p' || k, (n % 10)::text from (${runsOf}) r, generate_series(0, ${(opts.params ?? 3) - 1}) k`);
  await db.execute(sql`insert into ${trackingLatestMetrics} (run_uuid, key, step, timestamp, value)
    select run_uuid, 'acc', 0, 0, n::float8 / ${opts.runs} from (${runsOf}) r
    union all select run_uuid, 'm' || k, 0, 0, random() from (${runsOf}) r, generate_series(0, ${(opts.metrics ?? 3) - 1}) k`);
  await db.execute(sql`analyze ${trackingRuns}, ${trackingParams}, ${trackingLatestMetrics}`);
  const runs = await db.execute<{ run_uuid: string }>(sql`select run_uuid from ${trackingRuns} where experiment_id = ${experimentId} order by start_time desc`);
  return { experimentId, runUuids: runs.rows.map((r) => r.run_uuid) };
}

/** `points` points of metric `key` (steps 0..points-1) for each run, one insert per run. */
export async function seedMetricHistory(db: TDatabase, runUuids: string[], key: string, points: number) {
  for (const runUuid of runUuids) {
    await db.execute(sql`insert into ${trackingMetrics} (run_uuid, key, step, timestamp, value)
      select ${runUuid}, ${key}, s, 1700000000000 + s, sin(s / 100.0) + random() / 10 from generate_series(0, ${points - 1}) s`);
  }
  await db.execute(sql`analyze ${trackingMetrics}`);
}
