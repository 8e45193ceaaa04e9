import { and, eq } from 'drizzle-orm';
import { pipelines, trackingExperiments } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';

/** The pipeline's experiment, or null while none of its runs has logged anything (it is made then). */
export async function pipelineExperiment(db: TDbOrTx, params: { projectId: string; pipelineId: string }) {
  const [row] = await db
    .select({ pipelineName: pipelines.name, experimentId: trackingExperiments.id })
    .from(pipelines)
    .leftJoin(trackingExperiments, eq(trackingExperiments.pipelineId, pipelines.id))
    .where(and(eq(pipelines.id, params.pipelineId), eq(pipelines.projectId, params.projectId)));
  if (!row) throw new AppError('NOT_FOUND', 'Pipeline not found in this project');
  return row;
}
