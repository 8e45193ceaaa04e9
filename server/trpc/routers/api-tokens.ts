import { z } from 'zod';
import { API_TOKEN_ROLES } from '../../../drizzle/schema';
import { createApiToken, ZCreateApiTokenSchema } from '../../services/api-tokens/create-api-token';
import { listApiTokens } from '../../services/api-tokens/list-api-tokens';
import { revokeApiToken } from '../../services/api-tokens/revoke-api-token';
import { projectProcedure, router } from '../init';

const ZApiTokenSummarySchema = z.object({ id: z.uuid(), name: z.string(), role: z.enum(API_TOKEN_ROLES), prefix: z.string(), expiresAt: z.date(), createdAt: z.date() });

export const apiTokensRouter = router({
  /** the caller's own tokens in the project: names, prefixes and times, never a token */
  list: projectProcedure('viewer')
    .output(z.array(ZApiTokenSummarySchema.extend({ revokedAt: z.date().nullable(), lastUsedAt: z.date().nullable() })))
    .query(({ ctx, input }) => listApiTokens(ctx.db, { userId: ctx.user.id, projectId: input.projectId })),
  /** the token itself is in this answer only */
  create: projectProcedure('viewer')
    .input(ZCreateApiTokenSchema)
    .output(ZApiTokenSummarySchema.extend({ token: z.string() }))
    .mutation(({ ctx, input }) => createApiToken(ctx.db, { userId: ctx.user.id }, input)),
  revoke: projectProcedure('viewer')
    .input(z.object({ tokenId: z.uuid('tokenId must be a uuid') }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => revokeApiToken(ctx.db, { userId: ctx.user.id }, input)),
});
