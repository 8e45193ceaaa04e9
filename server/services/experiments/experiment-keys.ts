import { asc, eq } from 'drizzle-orm';
import { trackingLatestMetrics, trackingParams, trackingRuns } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { findProjectExperiment } from './project-experiment';

/** More keys than a person picks columns from; the picker says when the list was cut. */
const MAX_KEYS = 500;

/** The param and metric keys the experiment's runs have: what the column picker offers. */
export async function experimentKeys(db: TDbOrTx, projectId: string, experimentId: number) {
  const experiment = await findProjectExperiment(db, projectId, experimentId);
  const keysOf = (table: typeof trackingParams | typeof trackingLatestMetrics) =>
    db
      .selectDistinct({ key: table.key })
      .from(table)
      .innerJoin(trackingRuns, eq(trackingRuns.runUuid, table.runUuid))
      .where(eq(trackingRuns.experimentId, experimentId))
      .orderBy(asc(table.key))
      .limit(MAX_KEYS + 1);
  const [params, metrics] = await Promise.all([keysOf(trackingParams), keysOf(trackingLatestMetrics)]);
  return {
    experiment: { id: experiment.id, name: experiment.name, pipelineId: experiment.pipelineId },
    params: params.slice(0, MAX_KEYS).map((r) => r.key),
    metrics: metrics.slice(0, MAX_KEYS).map((r) => r.key),
    truncated: params.length > MAX_KEYS || metrics.length > MAX_KEYS,
  };
}
