import type { z } from 'zod';
import type { TDatabase } from '../../db/client';
import { changeLoggedModel } from '../../services/tracking/logged-models/change-logged-model';
import { createLoggedModel } from '../../services/tracking/logged-models/create-logged-model';
import { findLoggedModel } from '../../services/tracking/logged-models/find-logged-model';
import { loggedModelJson } from '../../services/tracking/logged-models/logged-model-json';
import { searchLoggedModels } from '../../services/tracking/logged-models/search-logged-models';
import * as L from '../../services/tracking/logged-models/requests';
import type { TTrackingCaller } from '../../services/tracking/tracking-access';

export type TMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type TRun = (db: TDatabase, caller: TTrackingCaller, body: unknown) => Promise<unknown>;
type TPathEndpoint = { method: TMethod; path: RegExp; schema: z.ZodType; run: TRun };

/** One endpoint whose URL carries ids (`logged-models/{model_id}`): the named groups join the body. */
const route = <S extends z.ZodType>(method: TMethod, path: RegExp, schema: S, run: (db: TDatabase, caller: TTrackingCaller, body: z.infer<S>) => Promise<unknown>): TPathEndpoint => ({
  method,
  path,
  schema,
  run: run as TRun,
});

const MODEL = /^logged-models\/(?<model_id>[^/]+)$/;

/**
 * The LoggedModel endpoints (MLflow 3) that `mlflow.<flavor>.log_model` and `load_model` call,
 * REST-style as service.proto declares them.
 */
const LOGGED_MODEL_ENDPOINTS: readonly TPathEndpoint[] = [
  route('POST', /^logged-models$/, L.ZCreateLoggedModelSchema, createLoggedModel),
  route('POST', /^logged-models\/search$/, L.ZSearchLoggedModelsSchema, searchLoggedModels),
  route('GET', MODEL, L.ZLoggedModelRefSchema, async (db, caller, b) => ({ model: loggedModelJson(await findLoggedModel(db, caller, b.model_id, 'read')) })),
  route('PATCH', MODEL, L.ZFinalizeLoggedModelSchema, (db, caller, b) => changeLoggedModel(db, caller, b.model_id, { kind: 'finalize', status: b.status })),
  route('POST', /^logged-models\/(?<model_id>[^/]+)\/params$/, L.ZLogLoggedModelParamsSchema, (db, caller, b) =>
    changeLoggedModel(db, caller, b.model_id, { kind: 'params', params: b.params }),
  ),
  route('PATCH', /^logged-models\/(?<model_id>[^/]+)\/tags$/, L.ZSetLoggedModelTagsSchema, (db, caller, b) => changeLoggedModel(db, caller, b.model_id, { kind: 'set-tags', tags: b.tags })),
  route('DELETE', /^logged-models\/(?<model_id>[^/]+)\/tags\/(?<tag_key>[^/]+)$/, L.ZDeleteLoggedModelTagSchema, (db, caller, b) =>
    changeLoggedModel(db, caller, b.model_id, { kind: 'delete-tag', key: b.tag_key }),
  ),
];

/** The endpoint a path and verb name, with the ids its URL carries (decoded), or undefined. */
export function matchPathEndpoint(name: string, method: string): { schema: z.ZodType; run: TRun; params: Record<string, string> } | undefined {
  for (const endpoint of LOGGED_MODEL_ENDPOINTS) {
    const match = endpoint.method === method ? endpoint.path.exec(name) : null;
    if (!match) continue;
    const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([key, value]) => [key, safeDecode(value)]));
    return { schema: endpoint.schema, run: endpoint.run, params };
  }
  return undefined;
}

const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};
