import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { ARTIFACTS_ROUTE, artifactsResponse, type TArtifactsDeps } from './artifacts-handler';
import type { TVerb } from './endpoint';
import { MLFLOW_ENDPOINTS } from './endpoints';
import { matchPathEndpoint } from './logged-model-endpoints';
import type { TTrackingCaller } from '../../services/tracking/tracking-access';
import { mlflowCaller, type TSessionOf } from './mlflow-caller';
import { MLFLOW_CODE_OF, mlflowError } from './mlflow-errors';

/** Where Weft serves the MLflow API: MLFLOW_TRACKING_URI=<web>/mlflow, to which the client appends /api/2.0/mlflow/<endpoint>. */
export const MLFLOW_PREFIX = '/mlflow';
const API_PREFIX = `${MLFLOW_PREFIX}/api/2.0/mlflow/`;
const ARTIFACTS_PREFIX = `${MLFLOW_PREFIX}${ARTIFACTS_ROUTE}`;

/** What a step's token may never do, whatever it names: make, rename or delete experiments, delete runs or registered models. */
const STEP_REFUSED = new Set([
  'experiments/create',
  'experiments/update',
  'experiments/delete',
  'experiments/restore',
  'runs/delete',
  'runs/restore',
  'registered-models/rename',
  'registered-models/delete',
  'model-versions/delete',
]);

/** A GET request's query as the body it stands for: a repeated name is a list. */
function queryBody(url: URL): Record<string, string | string[]> {
  const body: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    body[name] = values.length === 1 ? values[0]! : values;
  }
  return body;
}

async function jsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError('BAD_REQUEST', `The request body is larger than ${maxBytes} bytes`);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not JSON');
  }
}

/**
 * The MLflow tracking and model registry REST API as one route handler (app/mlflow/[...path]/route.ts): finds the
 * endpoint, authenticates, validates the body with the endpoint's schema (naming the field),
 * calls its service, and answers MLflow's JSON or its error shape.
 */
export function createMlflowHandler(deps: {
  db: () => TDatabase;
  sessionOf: TSessionOf;
  trustedOrigins: readonly string[];
  maxBodyBytes: number;
  artifacts: TArtifactsDeps;
  /** the pool workers' token (WEFT_WORKER_TOKEN): step tokens are signed with a key derived from it */
  workerToken?: () => string | undefined;
}) {
  /** Authenticates, runs `answer`, and turns its errors into MLflow's shape. */
  const guarded = async (req: Request, name: string, answer: (db: TDatabase, caller: TTrackingCaller) => Promise<Response>): Promise<Response> => {
    try {
      const db = deps.db();
      const caller = await mlflowCaller(req, { db, sessionOf: deps.sessionOf, trustedOrigins: deps.trustedOrigins, workerToken: deps.workerToken });
      if (caller.step && STEP_REFUSED.has(name)) throw new AppError('FORBIDDEN', `A step may not call ${name}: it logs into its own run`);
      return await answer(db, caller);
    } catch (error) {
      if (error instanceof AppError) return mlflowError(MLFLOW_CODE_OF[error.code], error.message);
      // internal failures may carry SQL or hostnames: logged, never answered
      console.error(`[weft] mlflow ${name} failed:`, error);
      return mlflowError('INTERNAL_ERROR', 'Internal error; see the web server log');
    }
  };
  return async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    if (url.pathname === ARTIFACTS_PREFIX || url.pathname.startsWith(`${ARTIFACTS_PREFIX}/`)) {
      return guarded(req, 'artifacts', (db, caller) => artifactsResponse(req, url.pathname.slice(ARTIFACTS_PREFIX.length), db, caller, deps.artifacts));
    }
    const name = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length).replace(/\/$/, '') : '';
    // one path may take several verbs, each its own endpoint (registered-models/alias)
    const fixed = Object.hasOwn(MLFLOW_ENDPOINTS, name) ? [MLFLOW_ENDPOINTS[name]!].flat() : [];
    const byVerb = fixed.find((e) => e.methods.includes(req.method as TVerb));
    if (fixed.length && !byVerb) return mlflowError('INVALID_PARAMETER_VALUE', `${name} takes ${fixed.flatMap((e) => e.methods).join(' or ')}`, 405);
    const endpoint = byVerb ? { ...byVerb, params: {} } : matchPathEndpoint(name, req.method);
    if (!endpoint) return mlflowError('ENDPOINT_NOT_FOUND', `Weft does not serve ${req.method} ${url.pathname} (yet)`);
    return guarded(req, name, async (db, caller) => {
      const raw = req.method === 'GET' ? queryBody(url) : await jsonBody(req, deps.maxBodyBytes);
      const body = endpoint.schema.safeParse(typeof raw === 'object' && raw !== null ? { ...raw, ...endpoint.params } : raw);
      if (!body.success) {
        const message = body.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
        return mlflowError('INVALID_PARAMETER_VALUE', message);
      }
      const answer = await endpoint.run(db, caller, body.data);
      return answer instanceof Response ? answer : Response.json(answer, { headers: { 'cache-control': 'no-store' } });
    });
  };
}
