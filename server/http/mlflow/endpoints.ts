import { changeExperiment } from '../../services/tracking/change-experiment';
import { createExperiment } from '../../services/tracking/create-experiment';
import { createRun } from '../../services/tracking/create-run';
import { deleteTag } from '../../services/tracking/delete-tag';
import { getExperiment, getExperimentByName } from '../../services/tracking/get-experiment';
import { getRun } from '../../services/tracking/get-run';
import { logBatch } from '../../services/tracking/log-batch';
import { logInputs } from '../../services/tracking/log-inputs';
import { logOutputs } from '../../services/tracking/logged-models/log-outputs';
import { ZLogOutputsSchema } from '../../services/tracking/logged-models/requests';
import { metricHistory } from '../../services/tracking/metric-history';
import * as R from '../../services/tracking/requests';
import { searchExperiments } from '../../services/tracking/search-experiments';
import { searchRuns } from '../../services/tracking/search-runs';
import { setRunDeleted, updateRun } from '../../services/tracking/update-run';
import { BOTH, endpoint, GET, POST, type TEndpoint } from './endpoint';
import { MLFLOW_REGISTRY_ENDPOINTS } from './registry-endpoints';

/**
 * The MLflow tracking REST API (service.proto) that Weft serves under /mlflow/api/2.0/mlflow/:
 * the subset the official client uses for experiments, runs, their data and metric history; and
 * the model registry's (model_registry.proto), where one path may take several verbs.
 */
export const MLFLOW_ENDPOINTS: Record<string, TEndpoint | TEndpoint[]> = {
  'experiments/create': endpoint(POST, R.ZCreateExperimentSchema, createExperiment),
  'experiments/get': endpoint(GET, R.ZExperimentRefSchema, getExperiment),
  'experiments/get-by-name': endpoint(GET, R.ZGetExperimentByNameSchema, getExperimentByName),
  'experiments/search': endpoint(BOTH, R.ZSearchExperimentsSchema, searchExperiments),
  'experiments/update': endpoint(POST, R.ZUpdateExperimentSchema, (db, caller, b) => changeExperiment(db, caller, b.experiment_id, { kind: 'rename', name: b.new_name })),
  'experiments/delete': endpoint(POST, R.ZExperimentRefSchema, (db, caller, b) => changeExperiment(db, caller, b.experiment_id, { kind: 'delete' })),
  'experiments/restore': endpoint(POST, R.ZExperimentRefSchema, (db, caller, b) => changeExperiment(db, caller, b.experiment_id, { kind: 'restore' })),
  'runs/create': endpoint(POST, R.ZCreateRunSchema, createRun),
  'runs/get': endpoint(GET, R.ZRunRefSchema, getRun),
  'runs/update': endpoint(POST, R.ZUpdateRunSchema, updateRun),
  'runs/delete': endpoint(POST, R.ZRunRefSchema, (db, caller, b) => setRunDeleted(db, caller, b, true)),
  'runs/restore': endpoint(POST, R.ZRunRefSchema, (db, caller, b) => setRunDeleted(db, caller, b, false)),
  'runs/search': endpoint(BOTH, R.ZSearchRunsSchema, searchRuns),
  'runs/log-metric': endpoint(POST, R.ZLogMetricSchema, (db, caller, { run_id, ...m }) => logBatch(db, caller, { run_id, metrics: [m], params: [], tags: [] })),
  'runs/log-parameter': endpoint(POST, R.ZLogParamSchema, (db, caller, { run_id, ...p }) => logBatch(db, caller, { run_id, metrics: [], params: [p], tags: [] })),
  'runs/set-tag': endpoint(POST, R.ZSetTagSchema, (db, caller, { run_id, ...t }) => logBatch(db, caller, { run_id, metrics: [], params: [], tags: [t] })),
  'runs/delete-tag': endpoint(POST, R.ZDeleteTagSchema, deleteTag),
  'runs/log-batch': endpoint(POST, R.ZLogBatchSchema, logBatch),
  'runs/log-inputs': endpoint(POST, R.ZLogInputsSchema, logInputs),
  'runs/outputs': endpoint(POST, ZLogOutputsSchema, logOutputs),
  'metrics/get-history': endpoint(BOTH, R.ZGetMetricHistorySchema, metricHistory),
  ...MLFLOW_REGISTRY_ENDPOINTS,
};
