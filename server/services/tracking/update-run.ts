import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { trackingRuns, trackingTags } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { RUN_NAME_TAG } from './mlflow-tags';
import { findRun } from './find-run';
import type { ZUpdateRunSchema } from './requests';
import { runInfoJson } from './run-json';
import type { TTrackingCaller } from './tracking-access';

/** runs/update: status, end time and name (the name tag follows the name). */
export async function updateRun(db: TDatabase, caller: TTrackingCaller, body: z.infer<typeof ZUpdateRunSchema>) {
  await findRun(db, caller, body.run_id, 'write');
  return db.transaction(async (tx) => {
    const [run] = await tx
      .update(trackingRuns)
      .set({
        ...(body.status ? { status: body.status } : {}),
        ...(body.end_time === undefined ? {} : { endTime: body.end_time }),
        ...(body.run_name ? { name: body.run_name } : {}),
      })
      .where(eq(trackingRuns.runUuid, body.run_id))
      .returning();
    if (body.run_name) {
      await tx
        .insert(trackingTags)
        .values({ runUuid: body.run_id, key: RUN_NAME_TAG, value: body.run_name })
        .onConflictDoUpdate({ target: [trackingTags.runUuid, trackingTags.key], set: { value: body.run_name } });
    }
    return { run_info: runInfoJson(run!) };
  });
}

/** runs/delete and runs/restore: MLflow's soft delete (the run stays, marked deleted). */
export async function setRunDeleted(db: TDatabase, caller: TTrackingCaller, body: { run_id: string }, deleted: boolean) {
  await findRun(db, caller, body.run_id, 'write');
  await db
    .update(trackingRuns)
    .set({ lifecycleStage: deleted ? 'deleted' : 'active' })
    .where(eq(trackingRuns.runUuid, body.run_id));
  return {};
}
