import { and, eq } from 'drizzle-orm';
import { memberships } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import type { TRole } from '../access/roles';
import { recordAudit } from '../audit/record-audit';
import type { TActor } from '../deps';
import { lockedMembership, requireAnotherAdmin } from './membership';

/** Changes a member's role; roles are read on every request, so it applies to their next one. */
export async function setMemberRole(db: TDatabase, actor: TActor, params: { projectId: string; userId: string; role: TRole }) {
  return db.transaction(async (tx) => {
    const member = await lockedMembership(tx, params.projectId, params.userId);
    if (member.role === params.role) return;
    if (member.role === 'admin') await requireAnotherAdmin(tx, params.projectId, params.userId, member.email);
    await tx
      .update(memberships)
      .set({ role: params.role })
      .where(and(eq(memberships.projectId, params.projectId), eq(memberships.userId, params.userId)));
    await recordAudit(tx, {
      projectId: params.projectId,
      actor: actor.userId,
      action: 'member.set_role',
      targetType: 'user',
      targetId: params.userId,
      details: { email: member.email, from: member.role, to: params.role },
    });
  });
}
