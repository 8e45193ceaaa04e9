import { listMembers } from '../../services/members/list-members';
import { ZMemberRefSchema, ZRoleSchema } from '../../services/members/member-input';
import { removeMember } from '../../services/members/remove-member';
import { setMemberRole } from '../../services/members/set-member-role';
import { projectProcedure, router } from '../init';

/** A project's members: every member sees them, its admins change roles and remove members. */
export const membersRouter = router({
  list: projectProcedure('viewer').query(({ ctx, input }) => listMembers(ctx.db, input.projectId)),
  setRole: projectProcedure('admin')
    .input(ZMemberRefSchema.extend({ role: ZRoleSchema }))
    .mutation(({ ctx, input }) => setMemberRole(ctx.db, { userId: ctx.user.id }, input)),
  remove: projectProcedure('admin')
    .input(ZMemberRefSchema)
    .mutation(({ ctx, input }) => removeMember(ctx.db, { userId: ctx.user.id }, input)),
});
