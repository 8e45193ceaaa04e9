import { z } from 'zod';
import { ZIdSchema, ZPipelineSpecSchema } from '../../../workflows/dsl';
import { getStepTest } from '../../services/step-tests/get-step-test';
import { startStepTest } from '../../services/step-tests/start-step-test';
import { projectProcedure, router } from '../init';

/** "Test this step" in the editor: editors run one node of their draft alone. */
export const stepTestsRouter = router({
  start: projectProcedure('editor')
    .input(z.object({ pipelineId: z.uuid(), spec: ZPipelineSpecSchema, nodeId: ZIdSchema }))
    .mutation(({ ctx, input }) => startStepTest(ctx, { ...input, userId: ctx.user.id })),
  get: projectProcedure('editor')
    .input(z.object({ testId: z.uuid() }))
    .query(({ ctx, input }) => getStepTest(ctx, input)),
});
