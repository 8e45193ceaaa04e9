import { asc, eq, inArray, sql } from 'drizzle-orm';
import { modelAliases, modelVersions, modelVersionTags, registeredModelTags } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import type { TModelRow, TVersionRow } from './find-model';

/** A model version as model_registry.proto's ModelVersion (Weft copies no files: always READY). */
export async function versionsJson(db: TDbOrTx, modelName: (modelId: string) => string, rows: TVersionRow[]) {
  const ids = rows.map((v) => v.id);
  if (!ids.length) return [];
  // one after the other: inside a transaction the queries share one connection
  const tags = await db.select().from(modelVersionTags).where(inArray(modelVersionTags.versionId, ids)).orderBy(asc(modelVersionTags.key));
  const aliases = await db.select().from(modelAliases).where(inArray(modelAliases.versionId, ids)).orderBy(asc(modelAliases.alias));
  return rows.map((v) => ({
    name: modelName(v.modelId),
    version: String(v.version),
    creation_timestamp: v.creationTime,
    last_updated_timestamp: v.lastUpdatedTime,
    user_id: v.userId,
    current_stage: v.currentStage,
    description: v.description,
    source: v.source,
    ...(v.runId ? { run_id: v.runId } : {}),
    status: 'READY',
    tags: tags.filter((t) => t.versionId === v.id).map(({ key, value }) => ({ key, value })),
    aliases: aliases.filter((a) => a.versionId === v.id).map((a) => a.alias),
  }));
}

/** Registered models as model_registry.proto's RegisteredModel: tags, aliases and the latest version. */
export async function modelsJson(db: TDbOrTx, models: TModelRow[]) {
  const ids = models.map((m) => m.id);
  if (!ids.length) return [];
  const tags = await db.select().from(registeredModelTags).where(inArray(registeredModelTags.modelId, ids)).orderBy(asc(registeredModelTags.key));
  const aliases = await db
    .select({ modelId: modelAliases.modelId, alias: modelAliases.alias, version: modelVersions.version })
    .from(modelAliases)
    .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
    .where(inArray(modelAliases.modelId, ids))
    .orderBy(asc(modelAliases.alias));
  const latest = await db
    .selectDistinctOn([modelVersions.modelId])
    .from(modelVersions)
    .where(inArray(modelVersions.modelId, ids))
    .orderBy(modelVersions.modelId, sql`${modelVersions.version} desc`);
  const names = new Map(models.map((m) => [m.id, m.name]));
  const latestJson = await versionsJson(db, (id) => names.get(id) ?? '', latest);
  return models.map((m) => ({
    name: m.name,
    creation_timestamp: m.creationTime,
    last_updated_timestamp: m.lastUpdatedTime,
    description: m.description,
    latest_versions: latestJson.filter((v) => v.name === m.name),
    tags: tags.filter((t) => t.modelId === m.id).map(({ key, value }) => ({ key, value })),
    aliases: aliases.filter((a) => a.modelId === m.id).map((a) => ({ alias: a.alias, version: String(a.version) })),
  }));
}

export const modelJson = async (db: TDbOrTx, model: TModelRow) => ({ registered_model: (await modelsJson(db, [model]))[0] });
export const versionJson = async (db: TDbOrTx, model: TModelRow, version: TVersionRow) => ({ model_version: (await versionsJson(db, () => model.name, [version]))[0] });
