import { eq } from 'drizzle-orm';
import { trackingExperiments, trackingRuns } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';
import { requireStepScope, requireTrackingAccess, type TNeed, type TTrackingCaller } from './tracking-access';
import { isStepsRun } from './weft-tracking-runs';

export type TRunRow = typeof trackingRuns.$inferSelect;

/** A run the caller may `need` (one query for the run and its project); RESOURCE_DOES_NOT_EXIST otherwise. */
export async function findRun(db: TDbOrTx, caller: TTrackingCaller, runId: string, need: TNeed): Promise<TRunRow> {
  const [row] = await db
    .select({ run: trackingRuns, projectId: trackingExperiments.projectId })
    .from(trackingRuns)
    .innerJoin(trackingExperiments, eq(trackingExperiments.id, trackingRuns.experimentId))
    .where(eq(trackingRuns.runUuid, runId));
  if (!row) throw new AppError('NOT_FOUND', `Run ${runId} not found`);
  await requireTrackingAccess(db, caller, row.projectId, need, `Run ${runId}`);
  if (need === 'write' && caller.step) requireStepScope(caller, await isStepsRun(db, caller.step.runUuid, runId));
  return row.run;
}

/** A run to log to: it must not be deleted (MLflow's rule). */
export async function findActiveRun(db: TDbOrTx, caller: TTrackingCaller, runId: string): Promise<TRunRow> {
  const run = await findRun(db, caller, runId, 'write');
  if (run.lifecycleStage !== 'active') throw new AppError('BAD_REQUEST', `Run ${runId} is deleted: restore it before logging to it`);
  return run;
}
