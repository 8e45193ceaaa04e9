import { and, eq, ne } from 'drizzle-orm';
import { modelVersions } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TTrackingCaller } from '../tracking/tracking-access';
import { findVersion } from './find-model';
import { versionJson } from './registry-json';

export const MODEL_STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;
export type TModelStage = (typeof MODEL_STAGES)[number];

/** MLflow's stage names are case-insensitive ("production" is Production); anything else is refused. */
export function canonicalStage(stage: string): TModelStage | undefined {
  return MODEL_STAGES.find((s) => s.toLowerCase() === stage.trim().toLowerCase());
}

/**
 * model-versions/transition-stage. Stages are MLflow's older promotion mechanism; Weft governs
 * promotion through protected aliases, so a model that has any moves to Production only that way:
 * the transition is refused, naming the alias to request (a stage must not be a side door past
 * the approval). Other stages, and Production of an ungoverned model, move at once, audited;
 * `archive_existing_versions` archives the versions that held the target stage, in one transaction.
 */
export async function transitionStage(db: TDatabase, caller: TTrackingCaller, body: { name: string; version: number; stage: string; archive_existing_versions: boolean }) {
  const stage = canonicalStage(body.stage);
  if (!stage) throw new AppError('BAD_REQUEST', `stage: must be one of ${MODEL_STAGES.join(', ')} (got "${body.stage.slice(0, 50)}")`);
  const { model, version } = await findVersion(db, caller, body.name, body.version, 'write');
  if (stage === 'Production' && model.protectedAliases.length > 0) {
    const alias = model.protectedAliases[0]!;
    throw new AppError(
      'FORBIDDEN',
      `${model.name} is promoted through its protected alias "${alias}", which needs an approval: request it (set_registered_model_alias("${model.name}", "${alias}", "${version.version}")) instead of the Production stage`,
    );
  }
  return db.transaction(async (tx) => {
    const now = Date.now();
    const archived =
      body.archive_existing_versions && (stage === 'Staging' || stage === 'Production')
        ? await tx
            .update(modelVersions)
            .set({ currentStage: 'Archived', lastUpdatedTime: now })
            .where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.currentStage, stage), ne(modelVersions.id, version.id)))
            .returning({ version: modelVersions.version })
        : [];
    const [moved] = await tx.update(modelVersions).set({ currentStage: stage, lastUpdatedTime: now }).where(eq(modelVersions.id, version.id)).returning();
    await recordAudit(tx, {
      projectId: model.projectId,
      actor: caller.userId,
      action: 'model.stage.transition',
      targetType: 'model_version',
      targetId: version.id,
      details: { model: model.name, version: version.version, from: version.currentStage, to: stage, archived: archived.map((a) => a.version) },
    });
    return versionJson(tx, model, moved!);
  });
}
