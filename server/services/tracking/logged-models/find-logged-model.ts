import { eq } from 'drizzle-orm';
import { trackingExperiments, trackingLoggedModels } from '../../../../drizzle/schema';
import type { TDbOrTx } from '../../../db/client';
import { AppError } from '../../../errors';
import { requireStepScope, requireTrackingAccess, type TNeed, type TTrackingCaller } from '../tracking-access';
import { isStepsRun } from '../weft-tracking-runs';

export type TLoggedModelRow = typeof trackingLoggedModels.$inferSelect;

/** A logged model the caller may `need` (one query for the model and its project); RESOURCE_DOES_NOT_EXIST otherwise. */
export async function findLoggedModel(db: TDbOrTx, caller: TTrackingCaller, modelId: string, need: TNeed): Promise<TLoggedModelRow> {
  const [row] = await db
    .select({ model: trackingLoggedModels, projectId: trackingExperiments.projectId })
    .from(trackingLoggedModels)
    .innerJoin(trackingExperiments, eq(trackingExperiments.id, trackingLoggedModels.experimentId))
    .where(eq(trackingLoggedModels.modelId, modelId));
  if (!row) throw new AppError('NOT_FOUND', `Logged model ${modelId} not found`);
  await requireTrackingAccess(db, caller, row.projectId, need, `Logged model ${modelId}`);
  if (need === 'write' && caller.step) requireStepScope(caller, row.model.sourceRunUuid !== null && (await isStepsRun(db, caller.step.runUuid, row.model.sourceRunUuid)));
  return row.model;
}
