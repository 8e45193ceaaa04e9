import { and, eq } from 'drizzle-orm';
import { trackingTags } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { findActiveRun } from './find-run';
import type { TTrackingCaller } from './tracking-access';

/** runs/delete-tag: RESOURCE_DOES_NOT_EXIST for a tag the run does not have (MLflow's answer). */
export async function deleteTag(db: TDatabase, caller: TTrackingCaller, body: { run_id: string; key: string }) {
  await findActiveRun(db, caller, body.run_id);
  const deleted = await db
    .delete(trackingTags)
    .where(and(eq(trackingTags.runUuid, body.run_id), eq(trackingTags.key, body.key)))
    .returning({ key: trackingTags.key });
  if (!deleted.length) throw new AppError('NOT_FOUND', `Run ${body.run_id} has no tag "${body.key}"`);
  return {};
}
