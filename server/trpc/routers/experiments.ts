import { z } from 'zod';
import { processArtifactStore } from '../../artifacts/process-store';
import { artifactPreview } from '../../services/experiments/artifact-preview';
import { compareRuns } from '../../services/experiments/compare-runs';
import { experimentKeys } from '../../services/experiments/experiment-keys';
import { listExperiments } from '../../services/experiments/list-experiments';
import { metricHistories } from '../../services/experiments/metric-histories';
import { pipelineExperiment } from '../../services/experiments/pipeline-experiment';
import { ZArtifactRefSchema, ZCompareRunsSchema, ZExperimentIdSchema, ZMetricHistoriesSchema, ZRunsTableSchema } from '../../services/experiments/requests';
import { runArtifacts } from '../../services/experiments/run-artifacts';
import { runsTable } from '../../services/experiments/runs-table';
import { trackingRunsOf } from '../../services/experiments/weft-run-tracking';
import { projectProcedure, router } from '../init';

/** The Experiments UI: tracking data of one project, read by its viewers (the procedure checks the role; the services that every id is the project's). */
export const experimentsRouter = router({
  list: projectProcedure('viewer').query(({ ctx, input }) => listExperiments(ctx.db, input)),
  forPipeline: projectProcedure('viewer')
    .input(z.object({ pipelineId: z.uuid() }))
    .query(({ ctx, input }) => pipelineExperiment(ctx.db, input)),
  keys: projectProcedure('viewer')
    .input(z.object({ experimentId: ZExperimentIdSchema }))
    .query(({ ctx, input }) => experimentKeys(ctx.db, input.projectId, input.experimentId)),
  runs: projectProcedure('viewer')
    .input(ZRunsTableSchema)
    .query(({ ctx, input }) => runsTable(ctx.db, input.projectId, input)),
  compare: projectProcedure('viewer')
    .input(ZCompareRunsSchema)
    .query(({ ctx, input }) => compareRuns(ctx.db, input.projectId, input.runUuids)),
  histories: projectProcedure('viewer')
    .input(ZMetricHistoriesSchema)
    .query(({ ctx, input }) => metricHistories(ctx.db, input.projectId, input)),
  trackingRuns: projectProcedure('viewer')
    .input(z.union([z.object({ weftRunId: z.uuid() }), z.object({ runUuid: z.string().regex(/^[0-9a-f]{32}$/) })]))
    .query(({ ctx, input }) => trackingRunsOf(ctx.db, input.projectId, 'weftRunId' in input ? { weftRunId: input.weftRunId } : { runUuid: input.runUuid })),
  artifacts: projectProcedure('viewer')
    .input(z.object({ runUuids: ZCompareRunsSchema.shape.runUuids }))
    .query(({ ctx, input }) => runArtifacts(ctx.db, input.projectId, input.runUuids)),
  preview: projectProcedure('viewer')
    .input(ZArtifactRefSchema)
    .query(({ ctx, input }) => artifactPreview(ctx.db, processArtifactStore(), input.projectId, input)),
});
