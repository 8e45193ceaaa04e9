import { and, eq, sql } from 'drizzle-orm';
import { runs, stepAttempts, steps } from '../../../drizzle/schema';
import type { TStepTrackingClaims } from '../../../workflows/contract/step-tracking';
import { isFinalStep, isOpenRun } from '../../../workflows/dsl';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import type { TTrackingCaller } from './tracking-access';
import { ensureStepTrackingRun } from './weft-tracking-runs';

/**
 * The caller a step attempt's token stands for, once Postgres says the attempt may still log: its
 * run is open, its step and this attempt have not ended. (So the token dies with the attempt, not
 * only at its expiry.) The attempt's tracking runs are made here on its first request.
 */
export async function stepTrackingCaller(db: TDatabase, claims: TStepTrackingClaims): Promise<TTrackingCaller> {
  const { runId, nodeId, attempt } = claims;
  const [state] = await db
    .select({
      runStatus: runs.status,
      stepStatus: steps.status,
      attemptStatus: sql<string | null>`(select ${stepAttempts.status} from ${stepAttempts} where ${stepAttempts.runId} = ${runs.id} and ${stepAttempts.nodeId} = ${nodeId} and ${stepAttempts.attempt} = ${attempt})`,
    })
    .from(runs)
    .leftJoin(steps, and(eq(steps.runId, runs.id), eq(steps.nodeId, nodeId)))
    .where(eq(runs.id, runId));
  const ended = (why: string) => new AppError('UNAUTHORIZED', `This step token is no longer valid: ${why}`);
  if (!state?.stepStatus) throw ended('its step does not exist');
  if (!isOpenRun(state.runStatus)) throw ended(`the run has ended (${state.runStatus})`);
  if (isFinalStep(state.stepStatus)) throw ended(`step "${nodeId}" has finished (${state.stepStatus})`);
  if (state.attemptStatus && state.attemptStatus !== 'running') throw ended(`attempt ${attempt} of step "${nodeId}" has finished`);
  const tracking = await db.transaction((tx) => ensureStepTrackingRun(tx, claims));
  return { userId: tracking.startedBy ?? '', projectId: tracking.projectId, tokenRole: 'editor', step: { runUuid: tracking.runUuid, experimentId: tracking.experimentId } };
}
