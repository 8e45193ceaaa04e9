import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { invitations, user } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';

/** The project's pending invitations (neither accepted, revoked nor expired), for its admins. */
export async function listInvitations(db: TDatabase, projectId: string) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, invitedBy: user.email, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
    .from(invitations)
    .innerJoin(user, eq(user.id, invitations.invitedBy))
    .where(and(eq(invitations.projectId, projectId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(asc(invitations.createdAt));
}
