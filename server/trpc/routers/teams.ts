import { z } from 'zod';
import { assignProjectTeam, changeTeamMember, createTeam, listTeams, setTeamShare, ZTeamNameSchema, ZTeamShareSchema } from '../../services/teams/teams';
import { platformAdminProcedure, router } from '../init';

const actor = (ctx: { user: { id: string } }) => ({ userId: ctx.user.id });

/** Teams share pools (fair share, quotas, GPU accounting): platform admins manage them. */
export const teamsRouter = router({
  list: platformAdminProcedure.query(({ ctx }) => listTeams(ctx.db)),
  create: platformAdminProcedure.input(z.object({ name: ZTeamNameSchema })).mutation(({ ctx, input }) => createTeam(ctx.db, actor(ctx), input)),
  setMember: platformAdminProcedure
    .input(z.object({ teamId: z.uuid(), email: z.email(), member: z.boolean() }))
    .mutation(({ ctx, input }) => changeTeamMember(ctx.db, actor(ctx), input)),
  assignProject: platformAdminProcedure
    .input(z.object({ projectId: z.uuid(), teamId: z.uuid().nullable() }))
    .mutation(({ ctx, input }) => assignProjectTeam(ctx.db, actor(ctx), input)),
  setShare: platformAdminProcedure.input(ZTeamShareSchema).mutation(({ ctx, input }) => setTeamShare(ctx.db, actor(ctx), input)),
});
