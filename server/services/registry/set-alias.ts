import { and, eq } from 'drizzle-orm';
import { modelAliases } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TTrackingCaller } from '../tracking/tracking-access';
import { findModel, findVersion } from './find-model';
import { promotionTimeoutMs } from './promotion-timeout';
import { requestAlias, type TAliasOutcome } from './request-alias';

export type { TAliasOutcome };

/**
 * registered-models/alias (POST) and models.requestPromotion: an unprotected alias moves at once; a
 * protected one does not move: a promotion approval opens (or the one already waiting for this
 * version and alias is returned), with the caller as its requester, who may not decide it.
 */
export async function setAlias(db: TDatabase, caller: TTrackingCaller, body: { name: string; alias: string; version: number }): Promise<TAliasOutcome> {
  const { model, version } = await findVersion(db, caller, body.name, body.version, 'write');
  return db.transaction(async (tx) => {
    const outcome = await requestAlias(tx, { model, version, alias: body.alias, actor: caller.userId, requestedBy: caller.userId, expiresAt: new Date(Date.now() + promotionTimeoutMs()) });
    return outcome.status === 'conflict' ? { status: 'pending', approvalId: outcome.approvalId, alias: body.alias, version: version.version } : outcome;
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
