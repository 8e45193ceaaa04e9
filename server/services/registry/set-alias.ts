import { and, eq } from 'drizzle-orm';
import { approvals, modelAliases } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TTrackingCaller } from '../tracking/tracking-access';
import { findModel, findVersion } from './find-model';
import { moveAlias } from './move-alias';
import { promotionEvidence } from './promotion-evidence';

/** How long a promotion waits for a decision before it no longer shows as pending. */
const PROMOTION_TIMEOUT_MS = 30 * 24 * 3_600_000;

export type TAliasOutcome = { status: 'set' } | { status: 'pending'; approvalId: string; alias: string; version: number };

/**
 * registered-models/alias (POST) and models.requestPromotion: an unprotected alias moves at once; a
 * protected one does not move: a promotion approval opens (or the one already waiting for this
 * version and alias is returned), with the caller as its requester, who may not decide it.
 */
export async function setAlias(db: TDatabase, caller: TTrackingCaller, body: { name: string; alias: string; version: number }): Promise<TAliasOutcome> {
  const { model, version } = await findVersion(db, caller, body.name, body.version, 'write');
  return db.transaction(async (tx) => {
    if (!model.protectedAliases.includes(body.alias)) {
      await moveAlias(tx, { model, version, alias: body.alias, actor: caller.userId });
      return { status: 'set' };
    }
    const [holder] = await tx.select({ versionId: modelAliases.versionId }).from(modelAliases).where(and(eq(modelAliases.modelId, model.id), eq(modelAliases.alias, body.alias)));
    if (holder?.versionId === version.id) return { status: 'set' };
    const evidence = await promotionEvidence(tx, model, version, body.alias);
    const [opened] = await tx
      .insert(approvals)
      .values({
        projectId: model.projectId,
        kind: 'model_promotion',
        modelVersionId: version.id,
        alias: body.alias,
        evidence,
        instructions: `Promote ${model.name} version ${version.version} to "${body.alias}"`,
        requestedBy: caller.userId,
        expiresAt: new Date(Date.now() + PROMOTION_TIMEOUT_MS),
      })
      .onConflictDoNothing()
      .returning({ id: approvals.id });
    if (opened) {
      await recordAudit(tx, {
        projectId: model.projectId,
        actor: caller.userId,
        action: 'model.promotion.request',
        targetType: 'approval',
        targetId: opened.id,
        details: { model: model.name, alias: body.alias, version: version.version },
      });
    }
    const [waiting] = opened
      ? [opened]
      : await tx
          .select({ id: approvals.id })
          .from(approvals)
          .where(and(eq(approvals.modelVersionId, version.id), eq(approvals.alias, body.alias), eq(approvals.status, 'pending')));
    return { status: 'pending', approvalId: waiting!.id, alias: body.alias, version: version.version };
  });
}

/** registered-models/alias (DELETE): a protected alias is not taken away through the API (that would bypass its approval). */
export async function deleteAlias(db: TDatabase, caller: TTrackingCaller, body: { name: string; alias: string }) {
  const model = await findModel(db, caller, body.name, 'write');
  if (model.protectedAliases.includes(body.alias)) throw new AppError('FORBIDDEN', `Alias "${body.alias}" of ${body.name} is protected: it moves only through an approved promotion`);
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(modelAliases)
      .where(and(eq(modelAliases.modelId, model.id), eq(modelAliases.alias, body.alias)))
      .returning();
    if (!deleted.length) throw new AppError('NOT_FOUND', `Registered model alias ${body.alias} not found`);
    await recordAudit(tx, { projectId: model.projectId, actor: caller.userId, action: 'model.alias.delete', targetType: 'registered_model', targetId: model.id, details: { model: model.name, alias: body.alias } });
    return {};
  });
}
