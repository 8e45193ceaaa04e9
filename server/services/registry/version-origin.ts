import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { pipelines, pipelineVersions, runs } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';

/** The code a step ran, where its kind has code: what a model card shows as the code hash. */
function stepCode(config: unknown): string | null {
  if (typeof config !== 'object' || config === null) return null;
  const { code, command } = config as { code?: unknown; command?: unknown };
  return typeof code === 'string' ? code : typeof command === 'string' ? command : null;
}

/**
 * The Weft run and step a version came from: its pipeline, the pipeline version (immutable, so its
 * plan says what the step ran) and, for a python or shell step, the sha256 of its code.
 */
export async function versionOrigin(db: TDbOrTx, ref: { weftRunId: string | null; nodeId: string | null }) {
  if (!ref.weftRunId || !ref.nodeId) return null;
  const [row] = await db
    .select({ runId: runs.id, pipelineId: pipelines.id, pipelineName: pipelines.name, versionNumber: pipelineVersions.number, planHash: pipelineVersions.planHash, plan: pipelineVersions.plan, startedAt: runs.startedAt })
    .from(runs)
    .innerJoin(pipelines, eq(pipelines.id, runs.pipelineId))
    .innerJoin(pipelineVersions, eq(pipelineVersions.id, runs.versionId))
    .where(eq(runs.id, ref.weftRunId));
  if (!row) return null;
  const { plan, ...rest } = row;
  const code = stepCode(plan.steps.find((s) => s.nodeId === ref.nodeId)?.config);
  return { ...rest, nodeId: ref.nodeId, codeHash: code === null ? null : createHash('sha256').update(code).digest('hex') };
}
