import { changePassword, ZChangePasswordSchema } from '../../services/account/change-password';
import { listSessions } from '../../services/account/list-sessions';
import { signOutOtherSessions } from '../../services/account/sign-out-other-sessions';
import { authedProcedure, router } from '../init';

/** The caller's own account: password and sessions. */
export const accountRouter = router({
  sessions: authedProcedure.query(({ ctx }) => listSessions(ctx.db, { userId: ctx.user.id, sessionId: ctx.sessionId })),
  changePassword: authedProcedure
    .input(ZChangePasswordSchema)
    .mutation(({ ctx, input }) => changePassword(ctx.db, { ...input, userId: ctx.user.id, sessionId: ctx.sessionId })),
  signOutOthers: authedProcedure.mutation(({ ctx }) => signOutOtherSessions(ctx.db, { userId: ctx.user.id, sessionId: ctx.sessionId })),
});
