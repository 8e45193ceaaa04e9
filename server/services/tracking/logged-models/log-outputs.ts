import type { z } from 'zod';
import { trackingRunOutputs } from '../../../../drizzle/schema';
import type { TDatabase } from '../../../db/client';
import { AppError } from '../../../errors';
import { findActiveRun } from '../find-run';
import type { TTrackingCaller } from '../tracking-access';
import { findLoggedModel } from './find-logged-model';
import type { ZLogOutputsSchema } from './requests';

/** runs/outputs: the run produced these logged models (a model named twice keeps its first step). */
export async function logOutputs(db: TDatabase, caller: TTrackingCaller, body: z.infer<typeof ZLogOutputsSchema>) {
  const run = await findActiveRun(db, caller, body.run_id);
  for (const { model_id } of body.models) {
    const model = await findLoggedModel(db, caller, model_id, 'read');
    if (model.experimentId !== run.experimentId) throw new AppError('BAD_REQUEST', `models: ${model_id} is not in the run's experiment`);
  }
  if (body.models.length) {
    await db
      .insert(trackingRunOutputs)
      .values(body.models.map((m) => ({ runUuid: run.runUuid, modelId: m.model_id, step: m.step })))
      .onConflictDoNothing();
  }
  return {};
}
