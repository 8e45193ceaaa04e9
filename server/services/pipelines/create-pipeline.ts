import { z } from 'zod';
import { pipelines } from '../../../drizzle/schema';
import { emptySpec, ZPipelineSpecSchema } from '../../../workflows/dsl';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { isUniqueViolation } from '../../db/errors';

export const ZCreatePipelineSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(120),
  description: z.string().max(2_000).default(''),
  draft: ZPipelineSpecSchema.optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
});
export type TCreatePipeline = z.infer<typeof ZCreatePipelineSchema>;

export async function createPipeline(db: TDatabase, params: TCreatePipeline & { projectId: string; userId: string }) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(pipelines)
        .values({ projectId: params.projectId, name: params.name, description: params.description, draft: params.draft ?? emptySpec(), tags: params.tags ?? [], createdBy: params.userId })
        .returning({ id: pipelines.id });
      await recordAudit(tx, { projectId: params.projectId, actor: params.userId, action: 'pipeline.create', targetType: 'pipeline', targetId: row!.id, details: { name: params.name } });
      return { id: row!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `A pipeline named "${params.name}" already exists in this project`);
    throw error;
  }
}
