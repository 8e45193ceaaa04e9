import { z } from 'zod';
import { ZAliasSchema } from '../../services/registry/requests';
import { setAlias } from '../../services/registry/set-alias';
import { setProtectedAliases } from '../../services/registry/set-protected-aliases';
import { projectProcedure, router } from '../init';

const name = z.string().trim().min(1, 'name: a model name is required').max(256);

export const modelsRouter = router({
  /** the same rule as the MLflow API's alias: a protected alias opens an approval, another moves at once */
  requestPromotion: projectProcedure('editor')
    .input(z.object({ name, version: z.number().int().min(1), alias: ZAliasSchema }))
    .mutation(({ ctx, input }) => setAlias(ctx.db, { userId: ctx.user.id, projectId: input.projectId, tokenRole: null }, input)),
  setProtectedAliases: projectProcedure('admin')
    .input(z.object({ name, aliases: z.array(ZAliasSchema).max(20) }))
    .mutation(({ ctx, input }) => setProtectedAliases(ctx.db, { ...input, userId: ctx.user.id })),
});
