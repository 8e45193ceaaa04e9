import { z } from 'zod';
import { poolCatalog } from '../../services/pools/pool-catalog';
import { createPool, updatePool, ZPoolInputSchema } from '../../services/pools/save-pool';
import { authedProcedure, platformAdminProcedure, router } from '../init';

export const poolsRouter = router({
  /** every signed-in user: the canvas checks node resources against the pools */
  catalog: authedProcedure.query(({ ctx }) => poolCatalog(ctx.db)),
  create: platformAdminProcedure.input(ZPoolInputSchema).mutation(({ ctx, input }) => createPool(ctx.db, { userId: ctx.user.id }, input)),
  update: platformAdminProcedure
    .input(ZPoolInputSchema.and(z.object({ id: z.uuid() })))
    .mutation(({ ctx, input }) => updatePool(ctx.db, { userId: ctx.user.id }, input)),
});
