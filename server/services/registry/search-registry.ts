import { and, asc, desc, eq, exists, type SQL } from 'drizzle-orm';
import { modelVersions, modelVersionTags, registeredModels, registeredModelTags } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { callerProject, requireTrackingAccess, type TTrackingCaller } from '../tracking/tracking-access';
import { nextPageToken, pageOffset, registryFilter } from './registry-filter';
import { modelsJson, versionsJson } from './registry-json';
import type { TSearch } from './requests';

/** order_by: `name`, `last_updated_timestamp` or `creation_timestamp`, each ASC or DESC (MLflow's default: name ASC). */
function orderBy(order: string[], columns: Record<string, Parameters<typeof asc>[0]>, fallback: SQL[]): SQL[] {
  const parsed = order.map((o) => {
    const [field = '', direction = 'ASC', ...rest] = o.trim().split(/\s+/);
    const column = columns[field];
    if (!column || rest.length || !/^(ASC|DESC)$/i.test(direction)) throw new AppError('BAD_REQUEST', `order_by: cannot read "${o}" (use ${Object.keys(columns).join(', ')} with ASC or DESC)`);
    return /^DESC$/i.test(direction) ? desc(column) : asc(column);
  });
  return [...parsed, ...fallback];
}

/** registered-models/search: the caller's project's models. */
export async function searchModels(db: TDatabase, caller: TTrackingCaller, body: TSearch) {
  const projectId = callerProject(caller);
  await requireTrackingAccess(db, caller, projectId, 'read', 'Project');
  const offset = pageOffset(body.page_token);
  const rows = await db
    .select()
    .from(registeredModels)
    .where(and(eq(registeredModels.projectId, projectId), ...registryFilter(body.filter, { name: registeredModels.name }, (key, value) =>
          exists(db.select().from(registeredModelTags).where(and(eq(registeredModelTags.modelId, registeredModels.id), eq(registeredModelTags.key, key), eq(registeredModelTags.value, value)))),
        )))
    .orderBy(
      ...orderBy(body.order_by, { name: registeredModels.name, last_updated_timestamp: registeredModels.lastUpdatedTime, creation_timestamp: registeredModels.creationTime }, [asc(registeredModels.name)]),
    )
    .limit(body.max_results + 1)
    .offset(offset);
  return { registered_models: await modelsJson(db, rows.slice(0, body.max_results)), ...nextPageToken(offset, body.max_results, rows.length) };
}

/** model-versions/search: the versions of the caller's project's models (name, run_id). */
export async function searchVersions(db: TDatabase, caller: TTrackingCaller, body: TSearch) {
  const projectId = callerProject(caller);
  await requireTrackingAccess(db, caller, projectId, 'read', 'Project');
  const offset = pageOffset(body.page_token);
  const rows = await db
    .select({ version: modelVersions, name: registeredModels.name })
    .from(modelVersions)
    .innerJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId))
    .where(and(eq(registeredModels.projectId, projectId), ...registryFilter(body.filter, { name: registeredModels.name, run_id: modelVersions.runId }, (key, value) =>
          exists(db.select().from(modelVersionTags).where(and(eq(modelVersionTags.versionId, modelVersions.id), eq(modelVersionTags.key, key), eq(modelVersionTags.value, value)))),
        )))
    .orderBy(
      ...orderBy(body.order_by, { name: registeredModels.name, version_number: modelVersions.version, last_updated_timestamp: modelVersions.lastUpdatedTime, creation_timestamp: modelVersions.creationTime }, [
        asc(registeredModels.name),
        desc(modelVersions.version),
      ]),
    )
    .limit(body.max_results + 1)
    .offset(offset);
  const page = rows.slice(0, body.max_results);
  const names = new Map(page.map((r) => [r.version.modelId, r.name]));
  return { model_versions: await versionsJson(db, (id) => names.get(id) ?? '', page.map((r) => r.version)), ...nextPageToken(offset, body.max_results, rows.length) };
}
