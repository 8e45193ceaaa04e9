import { and, eq } from 'drizzle-orm';
import { memberships } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { recordAudit } from '../audit/record-audit';
import type { TActor } from '../deps';
import { lockedMembership, requireAnotherAdmin } from './membership';

/** Takes a member out of the project (never its last admin); their next request to it is refused. */
export async function removeMember(db: TDatabase, actor: TActor, params: { projectId: string; userId: string }) {
  return db.transaction(async (tx) => {
    const member = await lockedMembership(tx, params.projectId, params.userId);
    if (member.role === 'admin') await requireAnotherAdmin(tx, params.projectId, params.userId, member.email);
    await tx.delete(memberships).where(and(eq(memberships.projectId, params.projectId), eq(memberships.userId, params.userId)));
    await recordAudit(tx, {
      projectId: params.projectId,
      actor: actor.userId,
      action: 'member.remove',
      targetType: 'user',
      targetId: params.userId,
      details: { email: member.email, role: member.role },
    });
  });
}
