import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { approvals, modelAliases, modelVersions, registeredModelTags, user } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { findProjectModel } from './find-project-version';

/** A model card's head: the model, its versions (newest first) with their aliases, and the promotions that wait. */
export async function modelOverview(db: TDatabase, params: { projectId: string; name: string }) {
  const model = await findProjectModel(db, params);
  const versions = await db
    .select({ id: modelVersions.id, version: modelVersions.version, source: modelVersions.source, description: modelVersions.description, stage: modelVersions.currentStage, runId: modelVersions.runId, weftRunId: modelVersions.weftRunId, weftNodeId: modelVersions.weftNodeId, creationTime: modelVersions.creationTime, registeredBy: user.name })
    .from(modelVersions)
    .leftJoin(user, eq(user.id, modelVersions.userId))
    .where(eq(modelVersions.modelId, model.id))
    .orderBy(desc(modelVersions.version));
  const aliases = await db.select({ alias: modelAliases.alias, versionId: modelAliases.versionId }).from(modelAliases).where(eq(modelAliases.modelId, model.id)).orderBy(asc(modelAliases.alias));
  const tags = await db.select({ key: registeredModelTags.key, value: registeredModelTags.value }).from(registeredModelTags).where(eq(registeredModelTags.modelId, model.id)).orderBy(asc(registeredModelTags.key));
  const ids = versions.map((v) => v.id);
  const pending = ids.length
    ? await db
        .select({ approvalId: approvals.id, versionId: approvals.modelVersionId, alias: approvals.alias, requestedBy: user.name, createdAt: approvals.createdAt, expiresAt: approvals.expiresAt })
        .from(approvals)
        .leftJoin(user, eq(user.id, approvals.requestedBy))
        .where(and(inArray(approvals.modelVersionId, ids), eq(approvals.status, 'pending')))
        .orderBy(desc(approvals.createdAt))
    : [];
  const number = new Map(versions.map((v) => [v.id, v.version]));
  return {
    name: model.name,
    description: model.description,
    protectedAliases: model.protectedAliases,
    tags,
    aliases: aliases.map((a) => ({ alias: a.alias, version: number.get(a.versionId)! })),
    updatedAt: new Date(model.lastUpdatedTime),
    versions: versions.map(({ id, creationTime, ...v }) => ({ ...v, createdAt: new Date(creationTime), aliases: aliases.filter((a) => a.versionId === id).map((a) => a.alias) })),
    pendingPromotions: pending.map(({ versionId, ...p }) => ({ ...p, version: number.get(versionId!)!, alias: p.alias! })),
  };
}
