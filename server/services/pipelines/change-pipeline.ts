import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { pipelines } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { findPipeline } from './get-pipeline';

export const ZPipelineNameSchema = z.string().trim().min(1, 'Name is required').max(120, 'at most 120 characters');
export const ZPipelineTagsSchema = z
  .array(z.string().trim().min(1).max(50, 'a tag is at most 50 characters').regex(/^[^,]+$/, 'a tag has no commas'))
  .max(20, 'at most 20 tags')
  .transform((tags) => [...new Set(tags)].sort());

export const ZPipelineChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rename'), name: ZPipelineNameSchema }),
  z.object({ kind: z.literal('describe'), description: z.string().max(2_000) }),
  z.object({ kind: z.literal('tag'), tags: ZPipelineTagsSchema }),
  z.object({ kind: z.literal('archive') }),
  z.object({ kind: z.literal('restore') }),
]);
export type TPipelineChange = z.infer<typeof ZPipelineChangeSchema>;

/**
 * Renames, describes, tags, archives (a soft delete: hidden from the list, no new runs; versions,
 * runs and their records are kept) or restores a pipeline, audited, in one transaction.
 */
export async function changePipeline(db: TDatabase, params: { projectId: string; pipelineId: string; userId: string; change: TPipelineChange }) {
  const { change } = params;
  try {
    return await db.transaction(async (tx) => {
      const pipeline = await findPipeline(tx, params.projectId, params.pipelineId);
      const set =
        change.kind === 'rename'
          ? { name: change.name }
          : change.kind === 'describe'
            ? { description: change.description }
            : change.kind === 'tag'
              ? { tags: change.tags }
              : { archivedAt: change.kind === 'archive' ? new Date() : null };
      const archivedNow = change.kind === 'archive' ? isNull(pipelines.archivedAt) : change.kind === 'restore' ? isNotNull(pipelines.archivedAt) : undefined;
      const changed = await tx
        .update(pipelines)
        .set(set)
        .where(and(eq(pipelines.id, pipeline.id), archivedNow))
        .returning({ id: pipelines.id });
      if (changed.length === 0) throw new AppError('CONFLICT', `The pipeline is ${change.kind === 'archive' ? 'already archived' : 'not archived'}`);
      await recordAudit(tx, {
        projectId: params.projectId,
        actor: params.userId,
        action: `pipeline.${change.kind}`,
        targetType: 'pipeline',
        targetId: pipeline.id,
        details: change.kind === 'rename' ? { from: pipeline.name, to: change.name } : change.kind === 'tag' ? { tags: change.tags } : {},
      });
      return { ok: true as const };
    });
  } catch (error) {
    if (change.kind === 'rename' && isUniqueViolation(error)) throw new AppError('CONFLICT', `name: a pipeline named "${change.name}" already exists in this project`);
    throw error;
  }
}
