import type { invitations } from '../../../drizzle/schema';

export type TInvitationState = 'pending' | 'accepted' | 'revoked' | 'expired';

/** The one definition of whether an invitation's link still works. */
export function invitationState(row: Pick<typeof invitations.$inferSelect, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): TInvitationState {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'pending';
}

export const INVALID_LINK = 'This invitation link is not valid';

export const STATE_MESSAGES: Record<Exclude<TInvitationState, 'pending'>, string> = {
  accepted: 'This invitation was used already: each link works once',
  revoked: 'This invitation was revoked: ask the project admin for a new one',
  expired: 'This invitation has expired: ask the project admin for a new one',
};
