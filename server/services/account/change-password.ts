import { and, eq } from 'drizzle-orm';
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { z } from 'zod';
import { account } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { ZPasswordSchema } from '../invitations/invitation-input';
import { endOtherSessions, requireSessionId } from './sign-out-other-sessions';

export const ZChangePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'required').max(128, 'longer than 128 characters'),
  newPassword: ZPasswordSchema,
  /** a changed password usually means the old one leaked: end every other session by default */
  signOutOthers: z.boolean().default(true),
});

/** Changes the caller's own password (the current one first), keeping the caller's session. */
export async function changePassword(db: TDatabase, params: z.infer<typeof ZChangePasswordSchema> & { userId: string; sessionId: string | undefined }) {
  const sessionId = requireSessionId(params.sessionId);
  const credential = and(eq(account.userId, params.userId), eq(account.providerId, 'credential'));
  const [row] = await db.select({ password: account.password }).from(account).where(credential);
  if (!row?.password) throw new AppError('BAD_REQUEST', 'This account has no password to change');
  if (!(await verifyPassword({ hash: row.password, password: params.currentPassword }))) {
    throw new AppError('BAD_REQUEST', 'currentPassword: not your current password');
  }
  const newHash = await hashPassword(params.newPassword);
  return db.transaction(async (tx) => {
    // a concurrent change of the same password wins only once: the hash must still be the one checked
    const [changed] = await tx
      .update(account)
      .set({ password: newHash, updatedAt: new Date() })
      .where(and(credential, eq(account.password, row.password!)))
      .returning({ id: account.id });
    if (!changed) throw new AppError('CONFLICT', 'The password changed meanwhile: try again');
    const sessionsEnded = params.signOutOthers ? await endOtherSessions(tx, { userId: params.userId, sessionId }) : 0;
    await recordAudit(tx, { projectId: null, actor: params.userId, action: 'account.change_password', targetType: 'user', targetId: params.userId, details: { sessionsEnded } });
    return { sessionsEnded };
  });
}
