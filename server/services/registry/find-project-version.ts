import { and, eq } from 'drizzle-orm';
import { modelVersions, registeredModels } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { notFound } from '../../errors';
import type { TModelRow, TVersionRow } from './find-model';

/** A model of a project by name, for callers whose access was checked already (tRPC procedures, control activities). */
export async function findProjectModel(db: TDbOrTx, params: { projectId: string; name: string }): Promise<TModelRow> {
  const [model] = await db
    .select()
    .from(registeredModels)
    .where(and(eq(registeredModels.projectId, params.projectId), eq(registeredModels.name, params.name)));
  if (!model) throw notFound(`Registered model "${params.name}"`);
  return model;
}

/** A version of a project's model by number. */
export async function findProjectVersion(db: TDbOrTx, params: { projectId: string; name: string; version: number }): Promise<{ model: TModelRow; version: TVersionRow }> {
  const model = await findProjectModel(db, params);
  const [version] = await db
    .select()
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, params.version)));
  if (!version) throw notFound(`Version ${params.version} of "${params.name}"`);
  return { model, version };
}
