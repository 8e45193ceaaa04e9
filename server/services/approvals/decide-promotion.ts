import { and, eq } from 'drizzle-orm';
import { approvals, modelVersions, registeredModels } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { notFound } from '../../errors';
import { moveAlias } from '../registry/move-alias';
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
 * its requester may not decide it (four-eyes). A rejection moves nothing.
 */
export async function decidePromotion(db: TDatabase, params: TDecisionParams & { approvalId: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ approval: approvals, version: modelVersions, model: registeredModels })
      .from(approvals)
      .innerJoin(modelVersions, eq(modelVersions.id, approvals.modelVersionId))
      .innerJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId))
      .where(and(eq(approvals.id, params.approvalId), eq(approvals.projectId, params.projectId)))
      .for('update', { of: approvals });
    if (!row) throw notFound('Approval');
    const { approval, version, model } = row;
    await recordDecision(tx, approval, params, {
      requester: 'You requested this promotion',
      details: { model: model.name, version: version.version, alias: approval.alias },
    });
    if (params.decision === 'approved') await moveAlias(tx, { model, version, alias: approval.alias!, actor: params.userId, approvalId: approval.id });
    return { ok: true as const };
  });
}
