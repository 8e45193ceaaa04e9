import { and, eq } from 'drizzle-orm';
import { pipelines } from '../../../drizzle/schema';
import type { TPipelineSpec } from '../../../workflows/dsl';
import type { TDatabase } from '../../db/client';
import { notFound } from '../../errors';

/** Autosave of the working spec: it may still have problems; only saving a version checks them. */
export async function saveDraft(db: TDatabase, params: { projectId: string; pipelineId: string; spec: TPipelineSpec }) {
  const updated = await db
    .update(pipelines)
    .set({ draft: params.spec })
    .where(and(eq(pipelines.id, params.pipelineId), eq(pipelines.projectId, params.projectId)))
    .returning({ id: pipelines.id });
  if (updated.length === 0) throw notFound('Pipeline');
  return { ok: true as const };
}
