import { and, eq } from 'drizzle-orm';
import { modelVersions, registeredModels } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';
import { callerProject, requireTrackingAccess, type TNeed, type TTrackingCaller } from '../tracking/tracking-access';

export type TModelRow = typeof registeredModels.$inferSelect;
export type TVersionRow = typeof modelVersions.$inferSelect;

/** A registered model of the caller's project, by name, that the caller may `need`; RESOURCE_DOES_NOT_EXIST otherwise. */
export async function findModel(db: TDbOrTx, caller: TTrackingCaller, name: string, need: TNeed): Promise<TModelRow> {
  const projectId = callerProject(caller);
  await requireTrackingAccess(db, caller, projectId, need, `Registered Model with name=${name}`);
  const [row] = await db
    .select()
    .from(registeredModels)
    .where(and(eq(registeredModels.projectId, projectId), eq(registeredModels.name, name)));
  if (!row) throw new AppError('NOT_FOUND', `Registered Model with name=${name} not found`);
  return row;
}

/** A version of a model, by number. */
export async function findVersion(db: TDbOrTx, caller: TTrackingCaller, name: string, version: number, need: TNeed) {
  const model = await findModel(db, caller, name, need);
  const [row] = await db
    .select()
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, version)));
  if (!row) throw new AppError('NOT_FOUND', `Model Version (name=${name}, version=${version}) not found`);
  return { model, version: row };
}
