import { and, eq, type SQL } from 'drizzle-orm';
import { approvals, modelAliases } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { recordAudit } from '../audit/record-audit';
import type { TModelRow, TVersionRow } from './find-model';
import { moveAlias } from './move-alias';
import { promotionEvidence } from './promotion-evidence';

export type TAliasOutcome = { status: 'set' } | { status: 'pending'; approvalId: string; alias: string; version: number };

export type TAliasRequest = {
  model: TModelRow;
  version: TVersionRow;
  alias: string;
  /** who asks (audited; moves an unprotected alias) */
  actor: string;
  /** who may not decide the promotion: the caller, or a run's requester as Postgres holds it */
  requestedBy: string | SQL;
  expiresAt: Date;
  /** a "Promote model" step's run and node: its run's doorbell rings on the decision */
  step?: { runId: string; nodeId: string };
};

/**
 * The registry's one rule for moving an alias, inside the caller's transaction: an unprotected
 * alias moves at once; a protected one does not move: a promotion approval opens with the
 * evidence. `conflict`: one for this version and alias already waits (the caller decides whether
 * that one answers it).
 */
export async function requestAlias(tx: TDbOrTx, r: TAliasRequest): Promise<TAliasOutcome | { status: 'conflict'; approvalId: string }> {
  const { model, version, alias } = r;
  if (!model.protectedAliases.includes(alias)) {
    await moveAlias(tx, { model, version, alias, actor: r.actor });
    return { status: 'set' };
  }
  const [holder] = await tx.select({ versionId: modelAliases.versionId }).from(modelAliases).where(and(eq(modelAliases.modelId, model.id), eq(modelAliases.alias, alias)));
  if (holder?.versionId === version.id) return { status: 'set' };
  const evidence = await promotionEvidence(tx, model, version, alias);
  const [opened] = await tx
    .insert(approvals)
    .values({
      projectId: model.projectId,
      kind: 'model_promotion',
      modelVersionId: version.id,
      alias,
      evidence,
      ...(r.step ? { runId: r.step.runId, nodeId: r.step.nodeId } : {}),
      instructions: `Promote ${model.name} version ${version.version} to "${alias}"`,
      requestedBy: r.requestedBy,
      expiresAt: r.expiresAt,
    })
    .onConflictDoNothing()
    .returning({ id: approvals.id });
  if (opened) {
    await recordAudit(tx, {
      projectId: model.projectId,
      actor: r.actor,
      action: 'model.promotion.request',
      targetType: 'approval',
      targetId: opened.id,
      details: { model: model.name, alias, version: version.version, ...(r.step ? r.step : {}) },
    });
    return { status: 'pending', approvalId: opened.id, alias, version: version.version };
  }
  const [waiting] = await tx
    .select({ id: approvals.id })
    .from(approvals)
    .where(and(eq(approvals.modelVersionId, version.id), eq(approvals.alias, alias), eq(approvals.status, 'pending')));
  return { status: 'conflict', approvalId: waiting!.id };
}
