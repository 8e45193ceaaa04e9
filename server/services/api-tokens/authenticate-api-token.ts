import { and, eq, lt, or, isNull, sql } from 'drizzle-orm';
import { apiTokens, user } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { hashApiToken } from './api-token';

/** lastUsedAt is written at most this often per token: logging in a loop must not write it every call. */
const LAST_USED_RESOLUTION = '1 minute';

export type TTokenHolder = { userId: string; projectId: string; role: (typeof apiTokens.$inferSelect)['role'] };

/**
 * The user, project and role of a personal API token, read from Postgres on every request: an
 * unknown, revoked or expired token, or one of a disabled user, answers UNAUTHORIZED. (Whether the
 * user is still a member, and with which role, is checked against the project of each request.)
 */
export async function authenticateApiToken(db: TDatabase, token: string): Promise<TTokenHolder> {
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, projectId: apiTokens.projectId, role: apiTokens.role, expiresAt: apiTokens.expiresAt, revokedAt: apiTokens.revokedAt, disabledAt: user.disabledAt })
    .from(apiTokens)
    .innerJoin(user, eq(user.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashApiToken(token)));
  if (!row) throw new AppError('UNAUTHORIZED', 'Unknown API token');
  if (row.revokedAt) throw new AppError('UNAUTHORIZED', 'This API token was revoked');
  if (row.expiresAt.getTime() <= Date.now()) throw new AppError('UNAUTHORIZED', 'This API token has expired');
  if (row.disabledAt) throw new AppError('UNAUTHORIZED', "This API token's account is disabled");
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '${sql.raw(LAST_USED_RESOLUTION)}'`))));
  return { userId: row.userId, projectId: row.projectId, role: row.role };
}
