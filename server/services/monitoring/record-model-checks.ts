import { sql } from 'drizzle-orm';
import { modelChecks, type TFeatureScore } from '../../../drizzle/schema';
import type { TStepOutputs } from '../../../workflows/dsl';
import { arrayParam } from '../../db/array-param';
import type { TDbOrTx } from '../../db/client';

/** a succeeded step's record, as the record path has it */
export type TCheckedStep = { runId: string; projectId: string; nodeId: string; at: string; outputs: TStepOutputs };

const PSI_PREFIX = 'psi.';

/**
 * Records the drift checks among succeeded steps that name a monitored model: a Drift check
 * node's `modelName` (read from its run's plan, so no step has to repeat it) with the per-feature
 * PSI the step reported as metrics `psi.<feature>`. Keyed (run, node): written twice, kept once.
 * Returns the checks written now, for the alert rules.
 */
export async function recordModelChecks(tx: TDbOrTx, candidates: TCheckedStep[]): Promise<{ id: string; projectId: string; modelName: string }[]> {
  const steps = candidates.filter((c) => c.outputs.metrics.drifted !== undefined);
  if (steps.length === 0) return [];
  const configs = await tx.execute<{ runId: string; nodeId: string; params: TDriftParams }>(sql`
    select r.id as "runId", s->>'nodeId' as "nodeId", s->'config'->'params' as params
    from runs r join pipeline_versions v on v.id = r.version_id, jsonb_array_elements(v.plan->'steps') s
    where r.id = any(${arrayParam([...new Set(steps.map((s) => s.runId))])}::uuid[])
      and s->>'kind' = 'drift_check' and coalesce(s->'config'->'params'->>'modelName', '') <> ''`);
  const rows = steps.flatMap((step) => {
    const config = configs.rows.find((c) => c.runId === step.runId && c.nodeId === step.nodeId);
    return config ? [checkRow(step, config.params)] : [];
  });
  if (rows.length === 0) return [];
  return tx.insert(modelChecks).values(rows).onConflictDoNothing().returning({ id: modelChecks.id, projectId: modelChecks.projectId, modelName: modelChecks.modelName });
}

type TDriftParams = { modelName: string; psiThreshold: number; thresholds?: Record<string, number> };

function checkRow(step: TCheckedStep, params: TDriftParams): typeof modelChecks.$inferInsert {
  const metrics = step.outputs.metrics;
  const scores: Record<string, TFeatureScore> = {};
  for (const [key, psi] of Object.entries(metrics)) {
    if (!key.startsWith(PSI_PREFIX)) continue;
    const feature = key.slice(PSI_PREFIX.length);
    scores[feature] = { psi, threshold: params.thresholds?.[feature] ?? params.psiThreshold };
  }
  return {
    projectId: step.projectId,
    modelName: params.modelName,
    runId: step.runId,
    nodeId: step.nodeId,
    checkedAt: new Date(step.at),
    drifted: metrics.drifted === 1,
    driftedFeatures: metrics.drifted_features ?? 0,
    psiMax: metrics.psi_max ?? Math.max(0, ...Object.values(scores).map((s) => s.psi)),
    scores,
  };
}
