import { eq } from 'drizzle-orm';
import { session, user } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TActor } from '../deps';

/**
 * Disables an account (it cannot sign in, and its sessions are deleted in the same transaction, so
 * its next request is refused) or enables it again. Memberships stay, for when it comes back.
 */
export async function setUserDisabled(db: TDatabase, actor: TActor, params: { userId: string; disabled: boolean }) {
  if (params.disabled && params.userId === actor.userId) throw new AppError('BAD_REQUEST', 'userId: you cannot disable your own account');
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ email: user.email, disabledAt: user.disabledAt }).from(user).where(eq(user.id, params.userId)).for('update');
    if (!row) throw notFound('User');
    if ((row.disabledAt !== null) === params.disabled) return { sessionsEnded: 0 };
    await tx
      .update(user)
      .set({ disabledAt: params.disabled ? new Date() : null })
      .where(eq(user.id, params.userId));
    const ended = params.disabled ? await tx.delete(session).where(eq(session.userId, params.userId)).returning({ id: session.id }) : [];
    await recordAudit(tx, {
      projectId: null,
      actor: actor.userId,
      action: params.disabled ? 'user.disable' : 'user.enable',
      targetType: 'user',
      targetId: params.userId,
      details: params.disabled ? { email: row.email, sessionsEnded: ended.length } : { email: row.email },
    });
    return { sessionsEnded: ended.length };
  });
}
