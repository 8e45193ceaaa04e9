import { and, desc, eq } from 'drizzle-orm';
import { pipelines, pipelineVersions, user } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { notFound } from '../../errors';

/** A pipeline of the project, or NOT_FOUND (also for another project's pipeline). */
export async function findPipeline(db: TDbOrTx, projectId: string, pipelineId: string) {
  const [row] = await db
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.id, pipelineId), eq(pipelines.projectId, projectId)));
  if (!row) throw notFound('Pipeline');
  return row;
}

export async function getPipeline(db: TDbOrTx, projectId: string, pipelineId: string) {
  const pipeline = await findPipeline(db, projectId, pipelineId);
  const versions = await db
    .select({
      id: pipelineVersions.id,
      number: pipelineVersions.number,
      message: pipelineVersions.message,
      planHash: pipelineVersions.planHash,
      createdAt: pipelineVersions.createdAt,
      createdByName: user.name,
    })
    .from(pipelineVersions)
    .leftJoin(user, eq(user.id, pipelineVersions.createdBy))
    .where(eq(pipelineVersions.pipelineId, pipelineId))
    .orderBy(desc(pipelineVersions.number));
  return { id: pipeline.id, name: pipeline.name, description: pipeline.description, tags: pipeline.tags, archivedAt: pipeline.archivedAt, draft: pipeline.draft, versions };
}
