import { z } from 'zod';
import { listUsers } from '../../services/users/list-users';
import { setUserDisabled } from '../../services/users/set-user-disabled';
import { ZMemberRefSchema } from '../../services/members/member-input';
import { platformAdminProcedure, router } from '../init';

/** Accounts: platform admins see them all and disable (or enable) one. */
export const usersRouter = router({
  list: platformAdminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  setDisabled: platformAdminProcedure
    .input(ZMemberRefSchema.extend({ disabled: z.boolean() }))
    .mutation(({ ctx, input }) => setUserDisabled(ctx.db, { userId: ctx.user.id }, input)),
});
