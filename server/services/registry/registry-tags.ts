import { and, eq } from 'drizzle-orm';
import { modelVersionTags, registeredModelTags } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import type { TTrackingCaller } from '../tracking/tracking-access';
import { findModel, findVersion } from './find-model';

type TTagTarget = { name: string; version?: number };

/** registered-models/set-tag and model-versions/set-tag: a key keeps its latest value. */
export async function setRegistryTag(db: TDatabase, caller: TTrackingCaller, target: TTagTarget & { key: string; value: string }) {
  if (target.version === undefined) {
    const model = await findModel(db, caller, target.name, 'write');
    await db
      .insert(registeredModelTags)
      .values({ modelId: model.id, key: target.key, value: target.value })
      .onConflictDoUpdate({ target: [registeredModelTags.modelId, registeredModelTags.key], set: { value: target.value } });
  } else {
    const { version } = await findVersion(db, caller, target.name, target.version, 'write');
    await db
      .insert(modelVersionTags)
      .values({ versionId: version.id, key: target.key, value: target.value })
      .onConflictDoUpdate({ target: [modelVersionTags.versionId, modelVersionTags.key], set: { value: target.value } });
  }
  return {};
}

/** registered-models/delete-tag and model-versions/delete-tag: RESOURCE_DOES_NOT_EXIST for a tag that is not there (MLflow's answer). */
export async function deleteRegistryTag(db: TDatabase, caller: TTrackingCaller, target: TTagTarget & { key: string }) {
  let deleted: unknown[];
  if (target.version === undefined) {
    const model = await findModel(db, caller, target.name, 'write');
    deleted = await db
      .delete(registeredModelTags)
      .where(and(eq(registeredModelTags.modelId, model.id), eq(registeredModelTags.key, target.key)))
      .returning();
  } else {
    const { version } = await findVersion(db, caller, target.name, target.version, 'write');
    deleted = await db
      .delete(modelVersionTags)
      .where(and(eq(modelVersionTags.versionId, version.id), eq(modelVersionTags.key, target.key)))
      .returning();
  }
  if (!deleted.length) throw new AppError('NOT_FOUND', `No tag with key=${target.key} on ${target.name}${target.version ? ` version ${target.version}` : ''}`);
  return {};
}
