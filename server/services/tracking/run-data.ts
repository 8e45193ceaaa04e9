import { asc, eq, inArray } from 'drizzle-orm';
import { trackingDatasets, trackingInputs, trackingLatestMetrics, trackingParams, trackingTags } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import type { TRunData } from './run-json';

/** The data of some runs (a search page or one run) in four queries, whatever their number. */
export async function runData(db: TDbOrTx, runIds: string[]): Promise<Map<string, TRunData>> {
  const byRun = new Map<string, TRunData>(runIds.map((id) => [id, { metrics: [], params: [], tags: [], inputs: [] }]));
  if (!runIds.length) return byRun;
  const [metrics, params, tags, inputs] = await Promise.all([
    db.select().from(trackingLatestMetrics).where(inArray(trackingLatestMetrics.runUuid, runIds)).orderBy(asc(trackingLatestMetrics.key)),
    db.select().from(trackingParams).where(inArray(trackingParams.runUuid, runIds)).orderBy(asc(trackingParams.key)),
    db.select().from(trackingTags).where(inArray(trackingTags.runUuid, runIds)).orderBy(asc(trackingTags.key)),
    db
      .select({ runUuid: trackingInputs.runUuid, tags: trackingInputs.tags, dataset: trackingDatasets })
      .from(trackingInputs)
      .innerJoin(trackingDatasets, eq(trackingDatasets.id, trackingInputs.datasetId))
      .where(inArray(trackingInputs.runUuid, runIds))
      .orderBy(asc(trackingDatasets.createdAt)),
  ]);
  for (const { runUuid, key, value, timestamp, step } of metrics) byRun.get(runUuid)?.metrics.push({ key, value, timestamp, step });
  for (const { runUuid, key, value } of params) byRun.get(runUuid)?.params.push({ key, value });
  for (const { runUuid, key, value } of tags) byRun.get(runUuid)?.tags.push({ key, value });
  for (const { runUuid, tags: inputTags, dataset: d } of inputs) {
    byRun.get(runUuid)?.inputs.push({
      tags: inputTags,
      dataset: { name: d.name, digest: d.digest, source_type: d.sourceType, source: d.source, ...(d.schema ? { schema: d.schema } : {}), ...(d.profile ? { profile: d.profile } : {}) },
    });
  }
  return byRun;
}
