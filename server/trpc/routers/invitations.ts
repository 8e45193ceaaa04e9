import { z } from 'zod';
import { acceptAsNewUser, acceptAsUser } from '../../services/invitations/accept-invitation';
import { createInvitation } from '../../services/invitations/create-invitation';
import { ZAcceptAsNewUserSchema, ZInviteSchema } from '../../services/invitations/invitation-input';
import { ZInvitationTokenSchema } from '../../services/invitations/invitation-token';
import { listInvitations } from '../../services/invitations/list-invitations';
import { readInvitation } from '../../services/invitations/read-invitation';
import { revokeInvitation } from '../../services/invitations/revoke-invitation';
import { authedProcedure, projectProcedure, publicProcedure, router } from '../init';

const ZTokenSchema = z.object({ token: ZInvitationTokenSchema });

/** Project admins invite by e-mail address; whoever holds the link reads and accepts it. */
export const invitationsRouter = router({
  list: projectProcedure('admin').query(({ ctx, input }) => listInvitations(ctx.db, input.projectId)),
  create: projectProcedure('admin')
    .input(ZInviteSchema)
    .mutation(({ ctx, input }) => createInvitation(ctx.db, { userId: ctx.user.id }, input)),
  revoke: projectProcedure('admin')
    .input(z.object({ invitationId: z.uuid('invitationId must be a uuid') }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, { userId: ctx.user.id }, input)),
  // the link's token is the credential: these need no session
  read: publicProcedure.input(ZTokenSchema).query(({ ctx, input }) => readInvitation(ctx.db, input.token)),
  acceptAsNewUser: publicProcedure.input(ZAcceptAsNewUserSchema).mutation(({ ctx, input }) => acceptAsNewUser(ctx.db, input)),
  accept: authedProcedure.input(ZTokenSchema).mutation(({ ctx, input }) => acceptAsUser(ctx.db, { token: input.token, user: ctx.user })),
});
