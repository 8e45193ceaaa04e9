import { z } from 'zod';
import { ZRoleSchema } from '../members/member-input';
import { ZInvitationTokenSchema } from './invitation-token';

export const ZInviteSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, 'longer than 254 characters').pipe(z.email('not an e-mail address')),
  role: ZRoleSchema,
});
export type TInvite = z.infer<typeof ZInviteSchema>;

/** better-auth's own limits for a password (sign-in checks the same). */
export const ZPasswordSchema = z.string().min(8, 'Use at least 8 characters').max(128, 'Use at most 128 characters');

export const ZAcceptAsNewUserSchema = z.object({
  token: ZInvitationTokenSchema,
  name: z.string().trim().min(1, 'Name is required').max(120, 'Name is longer than 120 characters'),
  password: ZPasswordSchema,
});
export type TAcceptAsNewUser = z.infer<typeof ZAcceptAsNewUserSchema>;
