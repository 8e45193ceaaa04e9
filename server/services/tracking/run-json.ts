import type { TKeyValue } from './experiment-json';
import type { TRunRow } from './find-run';

export type TMetricPoint = { key: string; value: number; timestamp: number; step: number };
export type TDatasetInput = {
  tags: TKeyValue[];
  dataset: { name: string; digest: string; source_type: string; source: string; schema?: string; profile?: string };
};
export type TRunData = { metrics: TMetricPoint[]; params: TKeyValue[]; tags: TKeyValue[]; inputs: TDatasetInput[] };

/** JSON has no NaN or infinities: protobuf's JSON form spells them as strings, which the client reads back. */
export const doubleJson = (value: number): number | string =>
  Number.isFinite(value) ? value : Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';

export const metricJson = (m: TMetricPoint) => ({ key: m.key, value: doubleJson(m.value), timestamp: m.timestamp, step: m.step });

/** MLflow's RunInfo message. */
export function runInfoJson(run: TRunRow) {
  return {
    run_id: run.runUuid,
    run_uuid: run.runUuid,
    run_name: run.name,
    experiment_id: String(run.experimentId),
    user_id: run.userId,
    status: run.status,
    start_time: run.startTime,
    ...(run.endTime === null ? {} : { end_time: run.endTime }),
    artifact_uri: run.artifactUri,
    lifecycle_stage: run.lifecycleStage,
  };
}

/** MLflow's Run message: info, data (latest metrics, params, tags) and inputs. */
export function runJson(run: TRunRow, data: TRunData) {
  return {
    info: runInfoJson(run),
    data: { metrics: data.metrics.map(metricJson), params: data.params, tags: data.tags },
    inputs: { dataset_inputs: data.inputs },
  };
}
