import { eq } from 'drizzle-orm';
import { invitations, projects } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';
import { ARCHIVED_MESSAGE } from '../access/roles';
import { recordAudit } from '../audit/record-audit';
import { INVALID_LINK, invitationState, STATE_MESSAGES } from './invitation-state';
import { hashInvitationToken } from './invitation-token';

/**
 * The pending invitation of a token, locked for the rest of the transaction: of two requests with
 * one link, the second waits here and then finds it used.
 */
export async function lockPendingInvitation(tx: TDbOrTx, token: string) {
  const [row] = await tx
    .select({ invitation: invitations, archivedAt: projects.archivedAt })
    .from(invitations)
    .innerJoin(projects, eq(projects.id, invitations.projectId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)))
    .for('update', { of: invitations });
  if (!row) throw new AppError('NOT_FOUND', INVALID_LINK);
  const state = invitationState(row.invitation);
  if (state !== 'pending') throw new AppError('CONFLICT', STATE_MESSAGES[state]);
  if (row.archivedAt) throw new AppError('CONFLICT', ARCHIVED_MESSAGE);
  return row.invitation;
}

/** Marks the invitation used by `userId` (its membership is inserted by the caller, in the same transaction) and audits it. */
export async function markAccepted(tx: TDbOrTx, invitation: typeof invitations.$inferSelect, userId: string, newAccount: boolean): Promise<void> {
  await tx.update(invitations).set({ acceptedAt: new Date(), acceptedBy: userId }).where(eq(invitations.id, invitation.id));
  await recordAudit(tx, {
    projectId: invitation.projectId,
    actor: userId,
    action: 'invitation.accept',
    targetType: 'invitation',
    targetId: invitation.id,
    details: { email: invitation.email, role: invitation.role, newAccount },
  });
}
