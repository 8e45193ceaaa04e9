import { and, eq } from 'drizzle-orm';
import { modelAliases, modelVersions, trackingLatestMetrics, type TPromotionEvidence } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import type { TModelRow, TVersionRow } from './find-model';

async function runMetrics(db: TDbOrTx, runId: string | null): Promise<Record<string, number>> {
  if (!runId) return {};
  const rows = await db.select({ key: trackingLatestMetrics.key, value: trackingLatestMetrics.value }).from(trackingLatestMetrics).where(eq(trackingLatestMetrics.runUuid, runId));
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** What the approver judges: the candidate's metrics (its source run's latest) against those of the version the alias names now. */
export async function promotionEvidence(db: TDbOrTx, model: TModelRow, candidate: TVersionRow, alias: string): Promise<TPromotionEvidence> {
  const [holder] = await db
    .select({ version: modelVersions.version, runId: modelVersions.runId })
    .from(modelAliases)
    .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
    .where(and(eq(modelAliases.modelId, model.id), eq(modelAliases.alias, alias)));
  return {
    candidate: { version: candidate.version, runId: candidate.runId, metrics: await runMetrics(db, candidate.runId) },
    current: holder ? { ...holder, metrics: await runMetrics(db, holder.runId) } : null,
  };
}
