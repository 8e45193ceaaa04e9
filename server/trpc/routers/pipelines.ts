import { z } from 'zod';
import { ZPipelineSpecSchema } from '../../../workflows/dsl';
import { createPipeline, ZCreatePipelineSchema } from '../../services/pipelines/create-pipeline';
import { browsePipelines, ZBrowsePipelinesSchema } from '../../services/pipelines/browse-pipelines';
import { changePipeline, ZPipelineChangeSchema } from '../../services/pipelines/change-pipeline';
import { duplicatePipeline } from '../../services/pipelines/duplicate-pipeline';
import { getPipeline } from '../../services/pipelines/get-pipeline';
import { getVersion } from '../../services/pipelines/get-version';
import { importPipeline, ZImportPipelineSchema } from '../../services/pipelines/import-pipeline';
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
    .input(ZPipelineRefSchema.extend({ spec: ZPipelineSpecSchema, message: z.string().trim().max(500).default(''), baseVersion: z.number().int().min(0).optional() }))
    .mutation(({ ctx, input }) => saveVersion(ctx.db, { ...input, userId: ctx.user.id })),
  /** the pipelines page: searched, sorted, tagged, paged */
  browse: projectProcedure('viewer')
    .input(ZBrowsePipelinesSchema)
    .query(({ ctx, input }) => browsePipelines(ctx.db, input.projectId, input)),
  version: projectProcedure('viewer')
    .input(ZPipelineRefSchema.extend({ number: z.number().int().min(1) }))
    .query(({ ctx, input }) => getVersion(ctx.db, input.projectId, input.pipelineId, input.number)),
  change: projectProcedure('editor')
    .input(ZPipelineRefSchema.extend({ change: ZPipelineChangeSchema }))
    .mutation(({ ctx, input }) => changePipeline(ctx.db, { ...input, userId: ctx.user.id })),
  duplicate: projectProcedure('editor')
    .input(ZPipelineRefSchema)
    .mutation(({ ctx, input }) => duplicatePipeline(ctx.db, { ...input, userId: ctx.user.id })),
  import: projectProcedure('editor')
    .input(ZImportPipelineSchema)
    .mutation(({ ctx, input }) => importPipeline(ctx.db, { ...input, userId: ctx.user.id })),
});
