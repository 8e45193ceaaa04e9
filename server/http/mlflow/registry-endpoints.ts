import { changeModel } from '../../services/registry/change-model';
import { changeVersion } from '../../services/registry/change-version';
import { createModel } from '../../services/registry/create-model';
import { createVersion } from '../../services/registry/create-version';
import { findModel } from '../../services/registry/find-model';
import { getDownloadUri, getLatestVersions, getVersion, getVersionByAlias } from '../../services/registry/read-versions';
import { deleteRegistryTag, setRegistryTag } from '../../services/registry/registry-tags';
import { modelJson } from '../../services/registry/registry-json';
import * as R from '../../services/registry/requests';
import { searchModels, searchVersions } from '../../services/registry/search-registry';
import { deleteAlias, setAlias } from '../../services/registry/set-alias';
import { transitionStage } from '../../services/registry/transition-stage';
import { BOTH, endpoint, GET, POST, type TEndpoint } from './endpoint';
import { pendingPromotion } from './mlflow-pending';

const PATCH = ['PATCH'] as const;
const DELETE = ['DELETE'] as const;

/** The MLflow model registry REST API (model_registry.proto) under /mlflow/api/2.0/mlflow/: what the official client uses. */
export const MLFLOW_REGISTRY_ENDPOINTS: Record<string, TEndpoint | TEndpoint[]> = {
  'registered-models/create': endpoint(POST, R.ZCreateModelSchema, createModel),
  'registered-models/get': endpoint(GET, R.ZModelRefSchema, async (db, caller, b) => modelJson(db, await findModel(db, caller, b.name, 'read'))),
  'registered-models/rename': endpoint(POST, R.ZRenameModelSchema, (db, caller, b) => changeModel(db, caller, b.name, { kind: 'rename', newName: b.new_name })),
  'registered-models/update': endpoint(PATCH, R.ZUpdateModelSchema, (db, caller, b) => changeModel(db, caller, b.name, { kind: 'describe', description: b.description })),
  'registered-models/delete': endpoint(DELETE, R.ZModelRefSchema, (db, caller, b) => changeModel(db, caller, b.name, { kind: 'delete' })),
  'registered-models/search': endpoint(BOTH, R.ZSearchModelsSchema, searchModels),
  'registered-models/set-tag': endpoint(POST, R.ZModelTagSchema, setRegistryTag),
  'registered-models/delete-tag': endpoint(DELETE, R.ZModelTagKeySchema, deleteRegistryTag),
  'registered-models/get-latest-versions': endpoint(BOTH, R.ZLatestVersionsSchema, getLatestVersions),
  'registered-models/alias': [
    endpoint(POST, R.ZSetAliasSchema, async (db, caller, b) => {
      const outcome = await setAlias(db, caller, b);
      return outcome.status === 'pending' ? pendingPromotion(b.name, outcome) : {};
    }),
    endpoint(DELETE, R.ZAliasRefSchema, deleteAlias),
    endpoint(GET, R.ZAliasRefSchema, getVersionByAlias),
  ],
  'model-versions/create': endpoint(POST, R.ZCreateVersionSchema, createVersion),
  'model-versions/get': endpoint(GET, R.ZVersionRefSchema, getVersion),
  'model-versions/update': endpoint(PATCH, R.ZUpdateVersionSchema, (db, caller, { description, ...ref }) => changeVersion(db, caller, ref, { kind: 'describe', description })),
  'model-versions/delete': endpoint(DELETE, R.ZVersionRefSchema, (db, caller, ref) => changeVersion(db, caller, ref, { kind: 'delete' })),
  'model-versions/search': endpoint(BOTH, R.ZSearchVersionsSchema, searchVersions),
  'model-versions/set-tag': endpoint(POST, R.ZVersionTagSchema, setRegistryTag),
  'model-versions/delete-tag': endpoint(DELETE, R.ZVersionTagKeySchema, deleteRegistryTag),
  'model-versions/get-download-uri': endpoint(GET, R.ZVersionRefSchema, getDownloadUri),
  'model-versions/transition-stage': endpoint(POST, R.ZTransitionStageSchema, transitionStage),
};
