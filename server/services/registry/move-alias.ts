import { eq } from 'drizzle-orm';
import { modelAliases, registeredModels } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { recordAudit } from '../audit/record-audit';
import type { TModelRow, TVersionRow } from './find-model';

/**
 * Points an alias at a version, audited; the caller's transaction. The one place an alias moves:
 * directly for an unprotected alias, or inside an approved promotion's decision.
 */
export async function moveAlias(tx: TDbOrTx, params: { model: TModelRow; version: TVersionRow; alias: string; actor: string; approvalId?: string }) {
  const { model, version, alias } = params;
  await tx
    .insert(modelAliases)
    .values({ modelId: model.id, alias, versionId: version.id })
    .onConflictDoUpdate({ target: [modelAliases.modelId, modelAliases.alias], set: { versionId: version.id } });
  await tx.update(registeredModels).set({ lastUpdatedTime: Date.now() }).where(eq(registeredModels.id, model.id));
  await recordAudit(tx, {
    projectId: model.projectId,
    actor: params.actor,
    action: 'model.alias.set',
    targetType: 'registered_model',
    targetId: model.id,
    details: { model: model.name, alias, version: version.version, ...(params.approvalId ? { approvalId: params.approvalId } : {}) },
  });
}
