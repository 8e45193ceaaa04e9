import { and, eq } from 'drizzle-orm';
import { approvals, runs } from '../../../drizzle/schema';
import { WorkflowNotFoundError } from '@temporalio/client';
import { approvalDecidedSignal } from '../../../workflows/contract/run-workflow';
import { isOpenRun, type TRunStatus } from '../../../workflows/dsl';
import { AppError, notFound } from '../../errors';
import type { TServiceDeps } from '../deps';
import { reconcileRun } from '../runs/reconcile-runs';
import { closeEndedRunApprovals } from './close-ended-run-approvals';
import { decidePromotion, isPromotion } from './decide-promotion';
import { recordDecision } from './record-decision';

export type TDecision = 'approved' | 'rejected';

const runEnded = (status: TRunStatus) => new AppError('CONFLICT', `This run has already ended (${status}): its approval is closed`);

/**
 * A model promotion is decided by decidePromotion. A run's gate:
 * records a decision in one transaction (the row is locked, a decided approval refuses a second
 * decision, and the run's requester may not decide: four-eyes), then rings the waiting gate's
 * doorbell. The gate reads the decision from Postgres, so the doorbell carries none; one that is
 * lost (Temporal away) only delays the gate until it looks on its own.
 * An approval whose run has ended is closed instead, and the decision refused: first its run's
 * end is written if Temporal says its workflow closed and nothing recorded it yet.
 */
export async function decideApproval(
  deps: TServiceDeps,
  params: { projectId: string; approvalId: string; decision: TDecision; comment: string; userId: string },
) {
  if (await isPromotion(deps.db, params)) return decidePromotion(deps, params);
  const target = await findApproval(deps, params);
  // before the transaction: writing the run's end closes this approval, which the transaction locks
  if (target.status === 'pending' && isOpenRun(target.run.status)) await reconcileRun(deps, target.run);

  const decided = await deps.db.transaction(async (tx) => {
    const [approval] = await tx
      .select({ id: approvals.id, status: approvals.status, requestedBy: approvals.requestedBy, workflowId: runs.workflowId, runId: runs.id, runStatus: runs.status, runError: runs.error })
      .from(approvals)
      .innerJoin(runs, eq(runs.id, approvals.runId))
      .where(eq(approvals.id, target.id))
      .for('update', { of: approvals });
    if (!approval) throw notFound('Approval');
    const ended = !isOpenRun(approval.runStatus);
    if (approval.status === 'pending' && ended) {
      // (closed when the run's end was written; this one was left from before that rule)
      await closeEndedRunApprovals(tx, [{ runId: approval.runId, status: approval.runStatus, error: approval.runError }]);
      return { outcome: 'runEnded' as const, runStatus: approval.runStatus };
    }
    if (approval.status === 'cancelled' && ended) throw runEnded(approval.runStatus);
    await recordDecision(tx, approval, params, {
      requester: "You requested this run (you started it, or it is your schedule's)",
      details: { runId: approval.runId },
    });
    return { outcome: 'decided' as const, approvalId: approval.id, workflowId: approval.workflowId };
  });
  if (decided.outcome === 'runEnded') throw runEnded(decided.runStatus); // (after the commit that closed it)
  await deps.temporal.workflow
    .getHandle(decided.workflowId)
    .signal(approvalDecidedSignal, { approvalId: decided.approvalId })
    .catch((error: unknown) => {
      if (!(error instanceof WorkflowNotFoundError)) console.warn(`[weft] approval ${decided.approvalId}: doorbell not rung (${error instanceof Error ? error.message : String(error)})`);
    });
  return { ok: true as const };
}

/** The approval (of this project) and its run, read before the decision's transaction. */
async function findApproval(deps: TServiceDeps, params: { projectId: string; approvalId: string }) {
  const [row] = await deps.db
    .select({ id: approvals.id, status: approvals.status, run: { id: runs.id, projectId: runs.projectId, workflowId: runs.workflowId, status: runs.status } })
    .from(approvals)
    .innerJoin(runs, eq(runs.id, approvals.runId))
    .where(and(eq(approvals.id, params.approvalId), eq(approvals.projectId, params.projectId)));
  if (!row) throw notFound('Approval');
  return row;
}
