import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { stepCache } from '../../../drizzle/schema';
import type { TParameterValue, TStepInputs } from '../../../workflows/dsl';
import { canonicalJson, type TPlanStep, type TStepOutputs } from '../../../workflows/dsl';
import type { TDatabase } from '../../db/client';

/**
 * kind + executor version + config + the run's parameters + the content hashes of every input:
 * equal keys mean equal work. The parameters count because every step is handed them all (a
 * script reads `weft.params()`); a run without any keeps the key it had before they counted.
 */
export function stepCacheKey(step: Pick<TPlanStep, 'kind' | 'executorVersion' | 'config'>, inputs: TStepInputs, params: Record<string, TParameterValue> = {}): string {
  const inputHashes = Object.entries(inputs).flatMap(([fromNode, artifacts]) => Object.entries(artifacts).map(([name, ref]) => [fromNode, name, ref.hash]));
  const recipe = { kind: step.kind, executorVersion: step.executorVersion, config: step.config, inputs: inputHashes.sort(), ...(Object.keys(params).length ? { params } : {}) };
  return createHash('sha256').update(canonicalJson(recipe)).digest('hex');
}

/** The outputs of an identical earlier step in the same project, if any. */
export async function lookupStepCache(
  db: TDatabase,
  params: { projectId: string; step: Pick<TPlanStep, 'kind' | 'executorVersion' | 'config'>; inputs: TStepInputs; params?: Record<string, TParameterValue> },
): Promise<{ cacheKey: string; hit: TStepOutputs | null }> {
  const cacheKey = stepCacheKey(params.step, params.inputs, params.params);
  const [row] = await db
    .select({ outputs: stepCache.outputs })
    .from(stepCache)
    .where(and(eq(stepCache.projectId, params.projectId), eq(stepCache.cacheKey, cacheKey)));
  return { cacheKey, hit: row?.outputs ?? null };
}
