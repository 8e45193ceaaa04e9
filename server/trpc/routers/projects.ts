import { createProject } from '../../services/projects/create-project';
import { listProjects } from '../../services/projects/list-projects';
import { ZCreateProjectSchema, ZProjectNameSchema, ZProjectRefSchema } from '../../services/projects/project-input';
import { renameProject } from '../../services/projects/rename-project';
import { setProjectArchived } from '../../services/projects/set-project-archived';
import { z } from 'zod';
import { platformAdminProcedure, router } from '../init';

const actor = (ctx: { user: { id: string } }) => ({ userId: ctx.user.id });

/** Projects themselves (not what is inside them): platform admins create, rename and archive them. */
export const projectsRouter = router({
  list: platformAdminProcedure.query(({ ctx }) => listProjects(ctx.db)),
  create: platformAdminProcedure.input(ZCreateProjectSchema).mutation(({ ctx, input }) => createProject(ctx.db, actor(ctx), input)),
  rename: platformAdminProcedure
    .input(ZProjectRefSchema.extend({ name: ZProjectNameSchema }))
    .mutation(({ ctx, input }) => renameProject(ctx.db, actor(ctx), input)),
  setArchived: platformAdminProcedure
    .input(ZProjectRefSchema.extend({ archived: z.boolean() }))
    .mutation(({ ctx, input }) => setProjectArchived(ctx, actor(ctx), input)),
});
