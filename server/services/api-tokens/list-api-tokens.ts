import { and, desc, eq } from 'drizzle-orm';
import { apiTokens } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';

/** The caller's own tokens in a project, newest first; never a token or its hash. */
export async function listApiTokens(db: TDbOrTx, params: { userId: string; projectId: string }) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      prefix: apiTokens.prefix,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, params.userId), eq(apiTokens.projectId, params.projectId)))
    .orderBy(desc(apiTokens.createdAt));
}
