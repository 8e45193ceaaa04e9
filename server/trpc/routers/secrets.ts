import { z } from 'zod';
import { ZSecretNameSchema } from '../../../workflows/dsl';
import { deleteSecret } from '../../services/secrets/delete-secret';
import { listSecrets } from '../../services/secrets/list-secrets';
import { setSecret, ZSetSecretSchema } from '../../services/secrets/set-secret';
import { projectProcedure, router } from '../init';

// Output schemas strip anything else a service might one day return: a value never leaves web.
const ZSecretSummarySchema = z.object({ name: z.string(), updatedAt: z.date() });

export const secretsRouter = router({
  /** every member: names only (editors pick them for nodes) */
  list: projectProcedure('viewer')
    .output(z.array(ZSecretSummarySchema.extend({ updatedBy: z.string().nullable() })))
    .query(({ ctx, input }) => listSecrets(ctx.db, input.projectId)),
  /** project admins set and replace values; the answer never holds one */
  set: projectProcedure('admin')
    .input(ZSetSecretSchema)
    .output(ZSecretSummarySchema)
    .mutation(({ ctx, input }) => setSecret(ctx.db, { userId: ctx.user.id }, input)),
  delete: projectProcedure('admin')
    .input(z.object({ name: ZSecretNameSchema }))
    .output(z.object({ name: z.string() }))
    .mutation(({ ctx, input }) => deleteSecret(ctx.db, { userId: ctx.user.id }, input)),
});
