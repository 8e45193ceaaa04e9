import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { modelAliases, modelVersions, registeredModels } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';

/** The Models page: every registered model of the project with its latest version and aliases, last updated first. */
export async function listProjectModels(db: TDatabase, params: { projectId: string }) {
  const models = await db.select().from(registeredModels).where(eq(registeredModels.projectId, params.projectId)).orderBy(desc(registeredModels.lastUpdatedTime)).limit(500);
  const ids = models.map((m) => m.id);
  if (!ids.length) return [];
  const latest = await db
    .selectDistinctOn([modelVersions.modelId], { modelId: modelVersions.modelId, version: modelVersions.version })
    .from(modelVersions)
    .where(inArray(modelVersions.modelId, ids))
    .orderBy(modelVersions.modelId, sql`${modelVersions.version} desc`);
  const aliases = await db
    .select({ modelId: modelAliases.modelId, alias: modelAliases.alias, version: modelVersions.version })
    .from(modelAliases)
    .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
    .where(inArray(modelAliases.modelId, ids))
    .orderBy(asc(modelAliases.alias));
  return models.map((m) => ({
    name: m.name,
    description: m.description,
    latestVersion: latest.find((l) => l.modelId === m.id)?.version ?? null,
    aliases: aliases.filter((a) => a.modelId === m.id).map(({ alias, version }) => ({ alias, version })),
    updatedAt: new Date(m.lastUpdatedTime),
  }));
}
