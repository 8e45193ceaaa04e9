import { z } from 'zod';
import { decideApproval } from '../../services/approvals/decide-approval';
import { countDecidable, listApprovals } from '../../services/approvals/list-approvals';
import { projectProcedure, router } from '../init';

export const approvalsRouter = router({
  list: projectProcedure('viewer')
    .input(z.object({ status: z.enum(['pending', 'decided']).default('pending') }))
    .query(({ ctx, input }) => listApprovals(ctx.db, { ...input, userId: ctx.user.id, role: ctx.role })),
  /** the nav's badge, polled: cheaper than the list */
  decidableCount: projectProcedure('viewer').query(({ ctx, input }) => countDecidable(ctx.db, { projectId: input.projectId, userId: ctx.user.id, role: ctx.role })),
  decide: projectProcedure('approver')
    .input(z.object({ approvalId: z.uuid(), decision: z.enum(['approved', 'rejected']), comment: z.string().trim().max(2_000).default('') }))
    .mutation(({ ctx, input }) => decideApproval(ctx, { ...input, userId: ctx.user.id })),
});
