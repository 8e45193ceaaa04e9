import { executeChild, workflowInfo } from '@temporalio/workflow';
import { CONTROL_TASK_QUEUE } from '../../dsl/task-queues';
import { PIPELINE_RUN_WORKFLOW, type TPipelineRunInput, type TPipelineRunWorkflow } from '../../contract/run-workflow';
import type { TRunner } from './runner-context';

/**
 * A sub-pipeline: the referenced version's plan (embedded at save time) runs as a child
 * pipelineRun with a run of its own; the step takes its outcome and its final steps' outputs.
 * Cancelling the parent cancels the child; a child that is terminated or runs past the node's
 * timeout rejects, and the driver fails the step.
 */
export const runSubpipelineStep: TRunner<'subpipeline'> = async (ctx, { step }) => {
  const { config } = step;
  const input: TPipelineRunInput = {
    projectId: ctx.projectId,
    pipelineId: config.pipelineId,
    versionId: config.versionId,
    plan: config.plan,
    params: config.plan.parameters,
    trigger: { kind: 'pipeline', parentRunId: ctx.runId, parentNodeId: step.nodeId },
  };
  const result = await executeChild<TPipelineRunWorkflow>(PIPELINE_RUN_WORKFLOW, {
    workflowId: `${workflowInfo().workflowId}/${step.nodeId}`,
    taskQueue: CONTROL_TASK_QUEUE,
    args: [input],
    ...(config.timeoutMs ? { workflowExecutionTimeout: config.timeoutMs } : {}),
  });
  if (result.status === 'succeeded') return { status: 'succeeded', outputs: result.outputs, origin: 'executed' };
  return { status: 'failed', error: `Sub-pipeline run ${result.runId} ${result.status}${result.error ? `: ${result.error}` : ''}` };
};
