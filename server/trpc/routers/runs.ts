import { z } from 'zod';
import { ZIdSchema, ZParametersSchema } from '../../../workflows/dsl';
import { getRun } from '../../services/runs/get-run';
import { browseRuns, ZBrowseRunsSchema } from '../../services/runs/browse-runs';
import { listRuns } from '../../services/runs/list-runs';
import { runTimeline } from '../../services/runs/run-timeline';
import { startRun } from '../../services/runs/start-run';
import { cancelRun } from '../../services/runs/cancel-run';
import { retryRun } from '../../services/runs/retry-run';
import { stepLog } from '../../services/runs/step-log';
import { projectProcedure, router } from '../init';

const ZRequestIdSchema = z.string().min(8, 'requestId must be at least 8 characters').max(100);

export const runsRouter = router({
  start: projectProcedure('editor')
    .input(
      z.object({
        versionId: z.uuid(),
        params: ZParametersSchema.default({}),
        requestId: ZRequestIdSchema,
        /** 1 (highest) … 5 (lowest): the Temporal priority of the run's steps on shared pools */
        priority: z.number().int().min(1).max(5).default(3),
      }),
    )
    .mutation(({ ctx, input }) => startRun(ctx, { ...input, userId: ctx.user.id })),
  cancel: projectProcedure('editor')
    .input(z.object({ runId: z.uuid() }))
    .mutation(({ ctx, input }) => cancelRun(ctx, { ...input, userId: ctx.user.id })),
  retry: projectProcedure('editor')
    .input(z.object({ runId: z.uuid(), requestId: ZRequestIdSchema }))
    .mutation(({ ctx, input }) => retryRun(ctx, { ...input, userId: ctx.user.id })),
  list: projectProcedure('viewer')
    .input(z.object({ pipelineId: z.uuid() }))
    .query(({ ctx, input }) => listRuns(ctx.db, input)),
  /** the project-wide Runs page */
  browse: projectProcedure('viewer')
    .input(ZBrowseRunsSchema)
    .query(({ ctx, input }) => browseRuns(ctx.db, input.projectId, input)),
  get: projectProcedure('viewer')
    .input(z.object({ runId: z.uuid() }))
    .query(({ ctx, input }) => getRun(ctx.db, input.projectId, input.runId)),
  /** the run's Gantt: steps' dispatch, queue wait and attempts */
  timeline: projectProcedure('viewer')
    .input(z.object({ runId: z.uuid() }))
    .query(({ ctx, input }) => runTimeline(ctx.db, input.projectId, input.runId)),
  stepLog: projectProcedure('viewer')
    .input(z.object({ runId: z.uuid(), nodeId: ZIdSchema }))
    .query(({ ctx, input }) => stepLog(ctx, input)),
});
