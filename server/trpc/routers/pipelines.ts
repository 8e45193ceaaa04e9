import { z } from 'zod';
import { ZPipelineSpecSchema } from '../../../workflows/dsl';
import { createPipeline, ZCreatePipelineSchema } from '../../services/pipelines/create-pipeline';
import { getPipeline } from '../../services/pipelines/get-pipeline';
import { listPipelines } from '../../services/pipelines/list-pipelines';
import { saveDraft } from '../../services/pipelines/save-draft';
import { saveVersion } from '../../services/pipelines/save-version';
import { projectProcedure, router } from '../init';

const ZPipelineRefSchema = z.object({ pipelineId: z.uuid() });

export const pipelinesRouter = router({
  list: projectProcedure('viewer').query(({ ctx, input }) => listPipelines(ctx.db, input.projectId)),
  get: projectProcedure('viewer')
    .input(ZPipelineRefSchema)
    .query(({ ctx, input }) => getPipeline(ctx.db, input.projectId, input.pipelineId)),
  create: projectProcedure('editor')
    .input(ZCreatePipelineSchema)
    .mutation(({ ctx, input }) => createPipeline(ctx.db, { ...input, userId: ctx.user.id })),
  saveDraft: projectProcedure('editor')
    .input(ZPipelineRefSchema.extend({ spec: ZPipelineSpecSchema }))
    .mutation(({ ctx, input }) => saveDraft(ctx.db, input)),
  saveVersion: projectProcedure('editor')
    .input(ZPipelineRefSchema.extend({ spec: ZPipelineSpecSchema, message: z.string().trim().max(500).default('') }))
    .mutation(({ ctx, input }) => saveVersion(ctx.db, { ...input, userId: ctx.user.id })),
});
