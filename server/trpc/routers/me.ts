import { listMyProjects } from '../../services/projects/list-my-projects';
import { authedProcedure, router } from '../init';

export const meRouter = router({
  get: authedProcedure.query(async ({ ctx }) => ({ user: ctx.user, projects: await listMyProjects(ctx.db, ctx.user.id) })),
});
