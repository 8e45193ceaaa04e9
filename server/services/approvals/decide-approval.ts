import { and, eq, sql } from 'drizzle-orm';
import { approvals, runs } from '../../../drizzle/schema';
import { approvalDecisionSignal } from '../../../workflows/contract/run-workflow';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TServiceDeps } from '../deps';

export type TDecision = 'approved' | 'rejected';

/**
 * Records a decision and delivers it to the waiting run, in one transaction: the row is locked,
 * a decided approval refuses a second decision, and whoever started the run may not decide
 * (four-eyes). The signal is sent before commit, so a decision Temporal did not accept is not kept.
 */
export async function decideApproval(
  deps: TServiceDeps,
  params: { projectId: string; approvalId: string; decision: TDecision; comment: string; userId: string },
) {
  return deps.db.transaction(async (tx) => {
    const [approval] = await tx
      .select({ id: approvals.id, status: approvals.status, requestedBy: approvals.requestedBy, workflowId: runs.workflowId, runId: runs.id })
      .from(approvals)
      .innerJoin(runs, eq(runs.id, approvals.runId))
      .where(and(eq(approvals.id, params.approvalId), eq(approvals.projectId, params.projectId)))
      .for('update', { of: approvals });
    if (!approval) throw notFound('Approval');
    if (approval.status !== 'pending') throw new AppError('CONFLICT', `This approval was already ${approval.status}`);
    if (approval.requestedBy === params.userId) {
      throw new AppError('FORBIDDEN', 'You started this run: another approver must decide (four-eyes rule)');
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
    await deps.temporal.workflow.getHandle(approval.workflowId).signal(approvalDecisionSignal, {
      approvalId: approval.id,
      decision: params.decision,
      decidedBy: params.userId,
      comment: params.comment,
    });
    return { ok: true as const };
  });
}
