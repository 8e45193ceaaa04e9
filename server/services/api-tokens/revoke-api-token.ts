import { and, eq, isNull } from 'drizzle-orm';
import { apiTokens } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { notFound } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TActor } from '../deps';

/** Revokes one of the caller's tokens: its next request answers 401. Revoking twice is refused as not found. */
export async function revokeApiToken(db: TDatabase, actor: TActor, params: { projectId: string; tokenId: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, params.tokenId), eq(apiTokens.userId, actor.userId), eq(apiTokens.projectId, params.projectId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
    if (!row) throw notFound('Active token');
    await recordAudit(tx, { projectId: params.projectId, actor: actor.userId, action: 'api_token.revoke', targetType: 'api_token', targetId: row.id, details: { name: row.name, prefix: row.prefix } });
    return { id: row.id };
  });
}
