import { z } from 'zod';
import { gpuUsage, poolUtilisation } from '../../services/pools/gpu-usage';
import { poolCatalog } from '../../services/pools/pool-catalog';
import { poolOverview } from '../../services/pools/pool-overview';
import { createPool, updatePool, ZPoolInputSchema } from '../../services/pools/save-pool';
import { ZPoolNameSchema } from '../../../workflows/dsl';
import { authedProcedure, platformAdminProcedure, router } from '../init';

const ZPeriodSchema = z
  .object({ from: z.coerce.date(), to: z.coerce.date() })
  .refine((p) => p.from < p.to, { message: 'The period must end after it starts', path: ['to'] })
  .refine((p) => p.to.getTime() - p.from.getTime() <= 366 * 86_400_000, { message: 'At most a year at a time', path: ['from'] });

export const poolsRouter = router({
  /** every signed-in user: the canvas checks node resources against the pools */
  catalog: authedProcedure.query(({ ctx }) => poolCatalog(ctx.db)),
  /** the Pools page: workers and backlog from Temporal, running steps per team */
  overview: platformAdminProcedure.query(({ ctx }) => poolOverview(ctx)),
  utilisation: platformAdminProcedure.input(z.object({ pool: ZPoolNameSchema })).query(({ ctx, input }) => poolUtilisation(ctx.db, input.pool)),
  gpuUsage: platformAdminProcedure.input(ZPeriodSchema).query(({ ctx, input }) => gpuUsage(ctx.db, input)),
  create: platformAdminProcedure.input(ZPoolInputSchema).mutation(({ ctx, input }) => createPool(ctx.db, { userId: ctx.user.id }, input)),
  update: platformAdminProcedure
    .input(ZPoolInputSchema.and(z.object({ id: z.uuid() })))
    .mutation(({ ctx, input }) => updatePool(ctx.db, { userId: ctx.user.id }, input)),
});
