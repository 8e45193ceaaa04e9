import { z } from 'zod';
import { API_TOKEN_ROLES, apiTokens } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { requireRole } from '../access/roles';
import { recordAudit } from '../audit/record-audit';
import type { TActor } from '../deps';
import { hashApiToken, newApiToken, tokenPrefix } from './api-token';

export const ZCreateApiTokenSchema = z.object({
  name: z.string().trim().min(1, 'Name the token (where it is used)').max(100, 'At most 100 characters'),
  role: z.enum(API_TOKEN_ROLES),
  expiresInDays: z.number().int().min(1, 'At least 1 day').max(365, 'At most 365 days').default(90),
});

/**
 * A personal API token for the caller in one project, with at most the caller's role there. The
 * answer holds the token: the only time it is shown, since only its sha256 is stored.
 */
export async function createApiToken(db: TDatabase, actor: TActor, params: { projectId: string } & z.infer<typeof ZCreateApiTokenSchema>) {
  await requireRole(db, actor.userId, params.projectId, params.role, { write: true }).catch(() => {
    throw new AppError('FORBIDDEN', `A ${params.role} token needs the ${params.role} role in the project`);
  });
  const token = newApiToken();
  const expiresAt = new Date(Date.now() + params.expiresInDays * 86_400_000);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ projectId: params.projectId, userId: actor.userId, name: params.name, role: params.role, tokenHash: hashApiToken(token), prefix: tokenPrefix(token), expiresAt })
      .returning({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role, prefix: apiTokens.prefix, expiresAt: apiTokens.expiresAt, createdAt: apiTokens.createdAt });
    await recordAudit(tx, {
      projectId: params.projectId,
      actor: actor.userId,
      action: 'api_token.create',
      targetType: 'api_token',
      targetId: row!.id,
      details: { name: params.name, role: params.role, prefix: row!.prefix, expiresAt: expiresAt.toISOString() },
    });
    return { ...row!, token };
  });
}
