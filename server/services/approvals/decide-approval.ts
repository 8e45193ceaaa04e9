import { and, eq, sql } from 'drizzle-orm';
import { approvals, runs } from '../../../drizzle/schema';
import { WorkflowNotFoundError } from '@temporalio/client';
import { approvalDecidedSignal } from '../../../workflows/contract/run-workflow';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TServiceDeps } from '../deps';

export type TDecision = 'approved' | 'rejected';

/**
 * Records a decision in one transaction (the row is locked, a decided approval refuses a second
 * decision, and the run's requester may not decide: four-eyes), then rings the waiting gate's
 * doorbell. The gate reads the decision from Postgres, so the doorbell carries none; one that is
 * lost (Temporal away, the run already ended) only delays the gate until it looks on its own.
 */
export async function decideApproval(
  deps: TServiceDeps,
  params: { projectId: string; approvalId: string; decision: TDecision; comment: string; userId: string },
) {
  const decided = await deps.db.transaction(async (tx) => {
    const [approval] = await tx
      .select({ id: approvals.id, status: approvals.status, requestedBy: approvals.requestedBy, workflowId: runs.workflowId, runId: runs.id })
      .from(approvals)
      .innerJoin(runs, eq(runs.id, approvals.runId))
      .where(and(eq(approvals.id, params.approvalId), eq(approvals.projectId, params.projectId)))
      .for('update', { of: approvals });
    if (!approval) throw notFound('Approval');
    if (approval.status !== 'pending') throw new AppError('CONFLICT', `This approval was already ${approval.status}`);
    if (approval.requestedBy === params.userId) {
      throw new AppError('FORBIDDEN', 'You requested this run (you started it, or it is your schedule\'s): another approver must decide (four-eyes rule)');
    }
    await tx
      .update(approvals)
      .set({ status: params.decision, decidedBy: params.userId, decidedAt: sql`now()`, comment: params.comment })
      .where(eq(approvals.id, approval.id));
    await recordAudit(tx, {
      projectId: params.projectId,
      actor: params.userId,
      action: params.decision === 'approved' ? 'approval.approve' : 'approval.reject',
      targetType: 'approval',
      targetId: approval.id,
      details: { runId: approval.runId, comment: params.comment },
    });
    return { approvalId: approval.id, workflowId: approval.workflowId };
  });
  await deps.temporal.workflow
    .getHandle(decided.workflowId)
    .signal(approvalDecidedSignal, { approvalId: decided.approvalId })
    .catch((error: unknown) => {
      if (!(error instanceof WorkflowNotFoundError)) console.warn(`[weft] approval ${decided.approvalId}: doorbell not rung (${error instanceof Error ? error.message : String(error)})`);
    });
  return { ok: true as const };
}
