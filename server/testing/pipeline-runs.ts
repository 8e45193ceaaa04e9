import { randomUUID } from 'node:crypto';
import type { TPipelineSpec } from '../../workflows/dsl';
import type { createCaller } from '../trpc/root';

type TCaller = ReturnType<typeof createCaller>;

/** A new pipeline of the project with one saved version of `spec`, through the API. */
export async function saveNewPipeline(api: TCaller, projectId: string, spec: TPipelineSpec) {
  const { id: pipelineId } = await api.pipelines.create({ projectId, name: `p-${randomUUID()}` });
  const { versionId } = await api.pipelines.saveVersion({ projectId, pipelineId, spec, message: '' });
  return { pipelineId, versionId };
}

/** A new pipeline of `spec`, saved and started once (a fresh request id), through the API. */
export async function startNewPipeline(api: TCaller, projectId: string, spec: TPipelineSpec, priority?: number) {
  const saved = await saveNewPipeline(api, projectId, spec);
  const { runId } = await api.runs.start({ projectId, versionId: saved.versionId, requestId: randomUUID(), ...(priority ? { priority } : {}) });
  return { ...saved, runId };
}
