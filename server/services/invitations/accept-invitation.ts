import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import { account, memberships, user } from '../../../drizzle/schema';
import type { TSessionUser } from '../../auth/session';
import type { TDatabase } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors';
import { lockPendingInvitation, markAccepted } from './claim-invitation';
import type { TAcceptAsNewUser } from './invitation-input';

const ACCOUNT_EXISTS = 'An account with this e-mail address exists: sign in, then accept';

/**
 * Creates the invited person's account (e-mail taken from the invitation, so verified by the link)
 * with the membership, and uses the invitation up: one transaction. The browser signs in next.
 */
export async function acceptAsNewUser(db: TDatabase, params: TAcceptAsNewUser) {
  // scrypt takes a while: hashed before the transaction, so the invitation's lock is held briefly
  const passwordHash = await hashPassword(params.password);
  try {
    return await db.transaction(async (tx) => {
      const invitation = await lockPendingInvitation(tx, params.token);
      const [existing] = await tx.select({ id: user.id }).from(user).where(eq(user.email, invitation.email));
      if (existing) throw new AppError('CONFLICT', ACCOUNT_EXISTS);
      const userId = randomUUID();
      await tx.insert(user).values({ id: userId, name: params.name, email: invitation.email, emailVerified: true });
      await tx.insert(account).values({ id: randomUUID(), accountId: userId, providerId: 'credential', userId, password: passwordHash });
      await tx.insert(memberships).values({ projectId: invitation.projectId, userId, role: invitation.role });
      await markAccepted(tx, invitation, userId, true);
      return { email: invitation.email, projectId: invitation.projectId, role: invitation.role };
    });
  } catch (error) {
    // another invitation of the same address created the account a moment earlier
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', ACCOUNT_EXISTS);
    throw error;
  }
}

/** A signed-in user accepts an invitation sent to their own e-mail address. */
export async function acceptAsUser(db: TDatabase, params: { token: string; user: TSessionUser }) {
  return db.transaction(async (tx) => {
    const invitation = await lockPendingInvitation(tx, params.token);
    if (invitation.email !== params.user.email.toLowerCase()) {
      throw new AppError('FORBIDDEN', `This invitation is for ${invitation.email}; you are signed in as ${params.user.email}`);
    }
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.projectId, invitation.projectId), eq(memberships.userId, params.user.id)));
    if (member) throw new AppError('CONFLICT', `You are a member of this project already (${member.role})`);
    await tx.insert(memberships).values({ projectId: invitation.projectId, userId: params.user.id, role: invitation.role });
    await markAccepted(tx, invitation, params.user.id, false);
    return { email: invitation.email, projectId: invitation.projectId, role: invitation.role };
  });
}
