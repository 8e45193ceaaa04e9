import { and, eq } from 'drizzle-orm';
import { pipelineVersions, user } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { notFound } from '../../errors';
import { findPipeline } from './get-pipeline';

/** One saved version of a pipeline, by number: its spec to open read-only, diff or restore as the draft. */
export async function getVersion(db: TDbOrTx, projectId: string, pipelineId: string, number: number) {
  await findPipeline(db, projectId, pipelineId);
  const [version] = await db
    .select({ id: pipelineVersions.id, number: pipelineVersions.number, message: pipelineVersions.message, spec: pipelineVersions.spec, createdAt: pipelineVersions.createdAt, createdByName: user.name })
    .from(pipelineVersions)
    .leftJoin(user, eq(user.id, pipelineVersions.createdBy))
    .where(and(eq(pipelineVersions.pipelineId, pipelineId), eq(pipelineVersions.number, number)));
  if (!version) throw notFound(`Version ${number}`);
  return version;
}
