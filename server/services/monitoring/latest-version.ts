import { and, desc, eq, isNull } from 'drizzle-orm';
import { pipelines, pipelineVersions } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';

/** A live (not archived) pipeline's newest version in a project: what an alert's retraining runs. */
export async function latestVersion(db: TDbOrTx, params: { projectId: string; pipelineId: string }) {
  const [version] = await db
    .select({ id: pipelineVersions.id, plan: pipelineVersions.plan })
    .from(pipelineVersions)
    .innerJoin(pipelines, eq(pipelines.id, pipelineVersions.pipelineId))
    .where(and(eq(pipelines.id, params.pipelineId), eq(pipelines.projectId, params.projectId), isNull(pipelines.archivedAt)))
    .orderBy(desc(pipelineVersions.number))
    .limit(1);
  return version;
}
