import { and, eq, like } from 'drizzle-orm';
import { pipelines } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { createPipeline } from './create-pipeline';
import { findPipeline } from './get-pipeline';

/** A new pipeline with a copy of the draft, description and tags, named "<name> (copy)" (or copy 2, 3, …). No versions or runs come with it. */
export async function duplicatePipeline(db: TDatabase, params: { projectId: string; pipelineId: string; userId: string }) {
  const source = await findPipeline(db, params.projectId, params.pipelineId);
  const base = `${source.name} (copy`.slice(0, 110);
  const taken = new Set((await db.select({ name: pipelines.name }).from(pipelines).where(and(eq(pipelines.projectId, params.projectId), like(pipelines.name, `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)))).map((r) => r.name));
  let name = `${base})`;
  for (let n = 2; taken.has(name); n++) name = `${base} ${n})`;
  const { id } = await createPipeline(db, { projectId: params.projectId, userId: params.userId, name, description: source.description, draft: source.draft, tags: source.tags });
  return { id, name };
}
