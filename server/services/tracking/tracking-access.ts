import type { TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';
import { ARCHIVED_MESSAGE, findAccess, roleRank, type TRole } from '../access/roles';

/**
 * Who calls the MLflow API: a personal API token (its project and role) or a signed-in browser
 * session (any project the user is a member of; `projectId` names the one the request is about).
 */
export type TTrackingCaller = { userId: string; projectId: string | null; tokenRole: TRole | null; step?: TStepScope };

/**
 * A step attempt's token (MLFLOW_TRACKING_TOKEN in a step): it acts for the run's requester in the
 * run's project, reads what the project holds, and writes only its own child run (and runs nested
 * under it) in its pipeline's experiment.
 */
export type TStepScope = { runUuid: string; experimentId: number };

const STEP_WRITES = "A step writes only to its own run (MLFLOW_RUN_ID), runs nested under it, and its pipeline's experiment";

/** A step's write to a run, a logged model or an experiment outside its scope is refused. */
export function requireStepScope(caller: TTrackingCaller, allowed: boolean): void {
  if (caller.step && !allowed) throw new AppError('FORBIDDEN', STEP_WRITES);
}

export type TNeed = 'read' | 'write';

/**
 * Checks the caller against a project, reading the user's role from Postgres on every call: a
 * token acts with the lesser of its role and the user's role now, so a removed member's or a
 * demoted member's tokens stop working at once. Objects outside a token's project do not exist
 * for it (RESOURCE_DOES_NOT_EXIST, as for any unknown id).
 */
export async function requireTrackingAccess(db: TDbOrTx, caller: TTrackingCaller, projectId: string, need: TNeed, what: string): Promise<void> {
  // a step's token was checked against its attempt in Postgres when the request came in
  if (caller.step) {
    if (caller.projectId !== projectId) throw new AppError('NOT_FOUND', `${what} not found`);
    return;
  }
  if (caller.projectId && caller.tokenRole && caller.projectId !== projectId) throw new AppError('NOT_FOUND', `${what} not found`);
  const access = await findAccess(db, caller.userId, projectId);
  if (!access) {
    if (caller.tokenRole) throw new AppError('FORBIDDEN', "The token's user is no longer a member of its project");
    throw new AppError('NOT_FOUND', `${what} not found`);
  }
  const role = caller.tokenRole && roleRank(caller.tokenRole) < roleRank(access.role) ? caller.tokenRole : access.role;
  if (need === 'write' && roleRank(role) < roleRank('editor')) throw new AppError('FORBIDDEN', `Writing needs the editor role (${caller.tokenRole ? 'this token acts as' : 'you are'} ${role})`);
  if (need === 'write' && access.archived) throw new AppError('FORBIDDEN', ARCHIVED_MESSAGE);
}

/** The project a request without an object of its own is about (creating an experiment, names, experiment "0"). */
export function callerProject(caller: TTrackingCaller): string {
  if (!caller.projectId) throw new AppError('BAD_REQUEST', 'Name the project: use a personal API token of the project, or send the X-Weft-Project-Id header');
  return caller.projectId;
}
