import { and, eq, isNull } from 'drizzle-orm';
import { invitations } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TActor } from '../deps';

/** Revokes a not yet accepted invitation: its link stops working at once. */
export async function revokeInvitation(db: TDatabase, actor: TActor, params: { projectId: string; invitationId: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, params.invitationId), eq(invitations.projectId, params.projectId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ email: invitations.email, role: invitations.role });
    if (!row) throw new AppError('NOT_FOUND', 'invitationId: no open invitation with this id in the project');
    await recordAudit(tx, { projectId: params.projectId, actor: actor.userId, action: 'invitation.revoke', targetType: 'invitation', targetId: params.invitationId, details: row });
  });
}
