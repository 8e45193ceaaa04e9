import { eq } from 'drizzle-orm';
import { invitations, projects, user } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { INVALID_LINK, invitationState } from './invitation-state';
import { hashInvitationToken } from './invitation-token';

/** What the invitation page shows to whoever holds the link (the token is the only credential). */
export async function readInvitation(db: TDatabase, token: string) {
  const [row] = await db
    .select({ invitation: invitations, projectName: projects.name, archivedAt: projects.archivedAt, inviterName: user.name })
    .from(invitations)
    .innerJoin(projects, eq(projects.id, invitations.projectId))
    .innerJoin(user, eq(user.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  if (!row) throw new AppError('NOT_FOUND', INVALID_LINK);
  const [account] = await db.select({ id: user.id }).from(user).where(eq(user.email, row.invitation.email));
  return {
    projectName: row.projectName,
    inviterName: row.inviterName,
    email: row.invitation.email,
    role: row.invitation.role,
    expiresAt: row.invitation.expiresAt,
    state: row.archivedAt ? ('revoked' as const) : invitationState(row.invitation),
    /** an existing account accepts after signing in; otherwise the page creates one */
    accountExists: Boolean(account),
  };
}
