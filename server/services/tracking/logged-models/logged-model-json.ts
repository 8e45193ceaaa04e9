import type { TLoggedModelRow } from './find-logged-model';

const keyValues = (map: Record<string, string>) =>
  Object.entries(map)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ key, value }));

/** MLflow's LoggedModel message (info and data; Weft keeps no per-model metrics yet). */
export function loggedModelJson(row: TLoggedModelRow) {
  return {
    info: {
      model_id: row.modelId,
      experiment_id: String(row.experimentId),
      name: row.name,
      creation_timestamp_ms: row.creationTime,
      last_updated_timestamp_ms: row.lastUpdateTime,
      artifact_uri: row.artifactUri,
      status: row.status,
      status_message: row.statusMessage,
      model_type: row.modelType,
      ...(row.sourceRunUuid ? { source_run_id: row.sourceRunUuid } : {}),
      tags: keyValues(row.tags),
    },
    data: { params: keyValues(row.params), metrics: [] },
  };
}
