import { isPlatformAdmin } from '../../services/access/platform-admin';
import { listMyProjects } from '../../services/projects/list-my-projects';
import { authedProcedure, router } from '../init';

export const meRouter = router({
  get: authedProcedure.query(async ({ ctx }) => ({
    user: ctx.user,
    projects: await listMyProjects(ctx.db, ctx.user.id),
    // the UI shows platform pages (Pools) to these users; the server checks again on every call
    isPlatformAdmin: await isPlatformAdmin(ctx.db, ctx.user.id),
  })),
});
