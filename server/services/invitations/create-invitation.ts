import { and, eq, gt, isNull } from 'drizzle-orm';
import { invitations, memberships, projects, user } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TActor } from '../deps';
import type { TInvite } from './invitation-input';
import { sendInvitationMail, smtpConfigured } from './invitation-mail';
import { hashInvitationToken, invitationLink, invitationTtlMs, newInvitationToken } from './invitation-token';

/**
 * Invites an e-mail address into the project with a role. The link is in the answer (shown to the
 * inviter, once: only its hash is stored) and, when SMTP is configured, mailed after the commit; a
 * mail that fails leaves the invitation valid and says why. A newer invitation of the same address
 * replaces its pending ones.
 */
export async function createInvitation(db: TDatabase, actor: TActor, params: TInvite & { projectId: string }, env: Partial<Record<string, string>> = process.env) {
  const token = newInvitationToken();
  const expiresAt = new Date(Date.now() + invitationTtlMs(env));
  const { id, mail } = await db.transaction(async (tx) => {
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .innerJoin(user, eq(user.id, memberships.userId))
      .where(and(eq(memberships.projectId, params.projectId), eq(user.email, params.email)));
    if (member) throw new AppError('CONFLICT', `email: ${params.email} is already a member (${member.role})`);
    const replaced = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.projectId, params.projectId), eq(invitations.email, params.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
      .returning({ id: invitations.id });
    const [row] = await tx
      .insert(invitations)
      .values({ projectId: params.projectId, email: params.email, role: params.role, tokenHash: hashInvitationToken(token), invitedBy: actor.userId, expiresAt })
      .returning({ id: invitations.id });
    await recordAudit(tx, {
      projectId: params.projectId,
      actor: actor.userId,
      action: 'invitation.create',
      targetType: 'invitation',
      targetId: row!.id,
      details: { email: params.email, role: params.role, expiresAt: expiresAt.toISOString(), replaced: replaced.map((r) => r.id) },
    });
    const [names] = await tx
      .select({ projectName: projects.name, inviterName: user.name })
      .from(projects)
      .innerJoin(user, eq(user.id, actor.userId))
      .where(eq(projects.id, params.projectId));
    return { id: row!.id, mail: names! };
  });

  const link = invitationLink(token, env);
  if (!smtpConfigured(env)) return { id, link, expiresAt, mailed: false, mailError: null };
  try {
    await sendInvitationMail({ to: params.email, link, expiresAt, role: params.role, ...mail }, env);
    return { id, link, expiresAt, mailed: true, mailError: null };
  } catch (error) {
    console.warn('[weft] could not mail an invitation:', error);
    return { id, link, expiresAt, mailed: false, mailError: 'The mail could not be sent (see the server log): hand the link over yourself' };
  }
}
