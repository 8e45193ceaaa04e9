import { trackingExperiments } from '../../../drizzle/schema';

export type TExperimentRow = typeof trackingExperiments.$inferSelect;
export type TKeyValue = { key: string; value: string };

/** Where an experiment's artifacts live when the client named no place: Weft's store, through the mlflow-artifacts proxy. */
export const artifactLocationOf = (row: Pick<TExperimentRow, 'id' | 'artifactLocation'>) => row.artifactLocation ?? `mlflow-artifacts:/${row.id}`;

/** MLflow's Experiment message. */
export function experimentJson(row: TExperimentRow, tags: TKeyValue[]) {
  return {
    experiment_id: String(row.id),
    name: row.name,
    artifact_location: artifactLocationOf(row),
    lifecycle_stage: row.lifecycleStage,
    creation_time: row.creationTime,
    last_update_time: row.lastUpdateTime,
    tags,
  };
}
