import { executeChild, workflowInfo } from '@temporalio/workflow';
import type { TPlanStep, TSubpipelineStepConfig } from '../dsl';
import { CONTROL_TASK_QUEUE } from '../dsl/task-queues';
import { PIPELINE_RUN_WORKFLOW, type TPipelineRunInput } from './messages';
import type { pipelineRun } from './pipeline-run';
import type { TStepOutcome, TStepRunContext } from './step-runner';

/**
 * A sub-pipeline: the referenced version's plan (embedded at save time) runs as a child
 * pipelineRun with a run of its own; the step takes its outcome and its final steps' outputs.
 * Cancelling the parent cancels the child.
 */
export async function runSubpipelineStep(ctx: TStepRunContext & { requestedBy: string | null; pipelineId: string }, step: TPlanStep): Promise<TStepOutcome> {
  const config = step.config as unknown as TSubpipelineStepConfig;
  ctx.recorder.add({ type: 'step', nodeId: step.nodeId, status: 'running', at: ctx.now() });
  const input: TPipelineRunInput = {
    projectId: ctx.projectId,
    pipelineId: config.pipelineId,
    versionId: config.versionId,
    plan: config.plan,
    params: config.plan.parameters,
    trigger: { kind: 'pipeline', parentRunId: ctx.runId, parentNodeId: step.nodeId, userId: ctx.requestedBy },
  };
  const result = await executeChild<typeof pipelineRun>(PIPELINE_RUN_WORKFLOW, { workflowId: `${workflowInfo().workflowId}/${step.nodeId}`, taskQueue: CONTROL_TASK_QUEUE, args: [input] });
  if (result.status === 'succeeded') {
    ctx.recorder.add({ type: 'step', nodeId: step.nodeId, status: 'succeeded', origin: 'executed', outputs: result.outputs, at: ctx.now() });
    return { status: 'succeeded', outputs: result.outputs };
  }
  const error = `Sub-pipeline run ${result.runId} failed${result.error ? `: ${result.error}` : ''}`;
  ctx.recorder.add({ type: 'step', nodeId: step.nodeId, status: 'failed', error, at: ctx.now() });
  return { status: 'failed', error };
}
