import type { TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';
import { ARCHIVED_MESSAGE, findAccess, roleRank, type TRole } from '../access/roles';

/**
 * Who calls the MLflow API: a personal API token (its project and role) or a signed-in browser
 * session (any project the user is a member of; `projectId` names the one the request is about).
 */
export type TTrackingCaller = { userId: string; projectId: string | null; tokenRole: TRole | null };

export type TNeed = 'read' | 'write';

/**
 * Checks the caller against a project, reading the user's role from Postgres on every call: a
 * token acts with the lesser of its role and the user's role now, so a removed member's or a
 * demoted member's tokens stop working at once. Objects outside a token's project do not exist
 * for it (RESOURCE_DOES_NOT_EXIST, as for any unknown id).
 */
export async function requireTrackingAccess(db: TDbOrTx, caller: TTrackingCaller, projectId: string, need: TNeed, what: string): Promise<void> {
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
