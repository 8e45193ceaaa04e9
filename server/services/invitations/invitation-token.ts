import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { appUrl } from '../../http/trusted-origins';

/** 32 random bytes: guessing one is hopeless, so the link alone proves the e-mail reached its reader. */
export const newInvitationToken = (): string => randomBytes(32).toString('base64url');

/** Only this is stored: a database reader cannot turn a row back into a working link. */
export const hashInvitationToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const ZInvitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not an invitation token');

export const invitationLink = (token: string, env: Partial<Record<string, string>> = process.env): string => `${appUrl(env)}/invite/${token}`;

const DEFAULT_TTL_HOURS = 7 * 24;

/** How long a link works: WEFT_INVITATION_TTL_HOURS (1 hour to a year), else 7 days. */
export function invitationTtlMs(env: Partial<Record<string, string>> = process.env): number {
  const hours = Number(env.WEFT_INVITATION_TTL_HOURS ?? DEFAULT_TTL_HOURS);
  if (!Number.isFinite(hours) || hours < 1 || hours > 24 * 366) throw new Error(`WEFT_INVITATION_TTL_HOURS must be a number of hours from 1 to 8784, not "${env.WEFT_INVITATION_TTL_HOURS}"`);
  return hours * 3_600_000;
}
