import { WorkflowNotFoundError } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import { approvals, modelVersions, registeredModels, runs } from '../../../drizzle/schema';
import { approvalDecidedSignal } from '../../../workflows/contract/run-workflow';
import type { TDatabase } from '../../db/client';
import { AppError, notFound } from '../../errors';
import type { TServiceDeps } from '../deps';
import { moveAlias } from '../registry/move-alias';
import { expirePromotions } from './expire-promotions';
import { recordDecision, type TDecisionParams } from './record-decision';

/** Whether an approval of this project is a model promotion (decided here, not by a run's gate). */
export async function isPromotion(db: TDatabase, params: { projectId: string; approvalId: string }): Promise<boolean> {
  const [row] = await db
    .select({ kind: approvals.kind })
    .from(approvals)
    .where(and(eq(approvals.id, params.approvalId), eq(approvals.projectId, params.projectId)));
  return row?.kind === 'model_promotion';
}

/**
 * A promotion's decision and, when approved, the alias's move: one transaction, so both happen or
 * neither. The approval row is locked, so of two decisions at once the second finds it decided;
 * its requester may not decide it (four-eyes). A rejection moves nothing. One past its time is
 * closed as expired instead. A promotion a "Promote model" step opened rings its run's doorbell
 * after the commit (the step reads the decision from Postgres).
 */
export async function decidePromotion(deps: TServiceDeps, params: TDecisionParams & { approvalId: string }) {
  // (before the transaction that locks the row: a decision after the deadline finds it expired)
  await expirePromotions(deps.db);
  const decided = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ approval: approvals, version: modelVersions, model: registeredModels, workflowId: runs.workflowId })
      .from(approvals)
      .innerJoin(modelVersions, eq(modelVersions.id, approvals.modelVersionId))
      .innerJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId))
      .leftJoin(runs, eq(runs.id, approvals.runId))
      .where(and(eq(approvals.id, params.approvalId), eq(approvals.projectId, params.projectId)))
      .for('update', { of: approvals });
    if (!row) throw notFound('Approval');
    const { approval, version, model } = row;
    if (approval.status === 'expired') throw new AppError('CONFLICT', 'This promotion expired: nobody decided it in time (ask for it again)');
    await recordDecision(tx, approval, params, {
      requester: 'You requested this promotion',
      details: { model: model.name, version: version.version, alias: approval.alias, ...(approval.runId ? { runId: approval.runId } : {}) },
    });
    if (params.decision === 'approved') await moveAlias(tx, { model, version, alias: approval.alias!, actor: params.userId, approvalId: approval.id });
    return { workflowId: row.workflowId };
  });
  if (decided.workflowId) {
    await deps.temporal.workflow
      .getHandle(decided.workflowId)
      .signal(approvalDecidedSignal, { approvalId: params.approvalId })
      .catch((error: unknown) => {
        if (!(error instanceof WorkflowNotFoundError)) console.warn(`[weft] promotion ${params.approvalId}: doorbell not rung (${error instanceof Error ? error.message : String(error)})`);
      });
  }
  return { ok: true as const };
}
