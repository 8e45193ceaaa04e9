import { and, eq, inArray, sql } from 'drizzle-orm';
import { trackingParams, trackingTags } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { findActiveRun } from './find-run';
import type { TLogBatch } from './requests';
import type { TTrackingCaller } from './tracking-access';
import { writeMetricPoints } from './write-metric-points';

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
    await writeMetricPoints(tx, runId, batch.metrics);
  });
  return {};
}
