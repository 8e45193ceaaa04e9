import { condition, proxyActivities, setHandler, workflowInfo, ApplicationFailure, ActivityFailure } from '@temporalio/workflow';
import type { createControlActivities } from '../activities/control';
import type { createPoolActivities } from '../activities/pool';
import { readySteps, runOutcome, unreachableSteps, type TPlanStep, type TStepStatus } from '../dsl';
import {
  approvalDecisionSignal,
  stepAttemptSignal,
  stepStatusQuery,
  type TApprovalDecision,
  type TPipelineRunInput,
  type TPipelineRunResult,
  type TStepAttemptEvent,
} from './messages';

type TControl = ReturnType<typeof createControlActivities>;
type TPool = ReturnType<typeof createPoolActivities>;

/** Control records are small, idempotent DB writes: retry them for as long as Postgres is away. */
const control = proxyActivities<TControl>({
  taskQueue: 'weft-control',
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '10s' },
});

/**
 * The pipeline interpreter: executes a compiled plan. Starts every ready step (bounded by the
 * plan's max parallelism), records every step and attempt through control activities, and stops
 * at approval gates until a decision signal arrives. Reads no database: the plan is its input.
 */
export async function pipelineRun(input: TPipelineRunInput): Promise<TPipelineRunResult> {
  const { plan } = input;
  const status = new Map<string, TStepStatus>(plan.steps.map((s) => [s.nodeId, 'pending']));
  const attemptEvents: TStepAttemptEvent[] = [];
  const decisions = new Map<string, TApprovalDecision>();
  const settled: { nodeId: string; status: TStepStatus; error?: string }[] = [];
  setHandler(stepAttemptSignal, (event) => void attemptEvents.push(event));
  setHandler(approvalDecisionSignal, (decision) => {
    if (!decisions.has(decision.approvalId)) decisions.set(decision.approvalId, decision);
  });
  setHandler(stepStatusQuery, () => Object.fromEntries(status));

  const { runId } = await control.beginRun({ ...input, workflowId: workflowInfo().workflowId });

  const executeStep = async (step: TPlanStep): Promise<{ status: TStepStatus; error?: string }> => {
    if (step.executor === 'approval') return awaitApproval(runId, input, step, decisions);
    const pool = proxyActivities<TPool>({
      taskQueue: step.taskQueue,
      activityId: step.nodeId,
      startToCloseTimeout: step.startToCloseTimeoutMs,
      heartbeatTimeout: step.heartbeatTimeoutMs,
      retry: {
        maximumAttempts: step.retry.maximumAttempts,
        initialInterval: step.retry.initialIntervalMs,
        backoffCoefficient: step.retry.backoffCoefficient,
        maximumInterval: step.retry.maximumIntervalMs,
        nonRetryableErrorTypes: step.retry.nonRetryableErrorTypes,
      },
    });
    try {
      await pool.runStep({ runId, projectId: input.projectId, step, params: input.params });
      return { status: 'succeeded' };
    } catch (error) {
      return { status: 'failed', error: failureMessage(error) };
    }
  };

  let running = 0;
  for (;;) {
    for (const step of unreachableSteps(plan, status)) {
      status.set(step.nodeId, 'skipped');
      await control.recordStepStatus({ runId, nodeId: step.nodeId, status: 'skipped' });
    }
    for (const step of readySteps(plan, status)) {
      if (running >= plan.maxParallelism) break;
      status.set(step.nodeId, 'running');
      running++;
      void executeStep(step).then((outcome) => settled.push({ nodeId: step.nodeId, ...outcome }));
    }
    if (running === 0 && attemptEvents.length === 0) break;
    await condition(() => attemptEvents.length > 0 || settled.length > 0);
    if (attemptEvents.length > 0) await control.recordStepAttempts({ runId, events: attemptEvents.splice(0) });
    for (const outcome of settled.splice(0)) {
      running--;
      status.set(outcome.nodeId, outcome.status);
      await control.recordStepStatus({ runId, ...outcome });
    }
  }

  const outcome = runOutcome(status);
  const failedStep = plan.steps.find((s) => status.get(s.nodeId) === 'failed');
  const error = failedStep ? `Step "${failedStep.nodeId}" failed` : undefined;
  await control.finishRun({ runId, status: outcome, error });
  return { runId, status: outcome, ...(error ? { error } : {}) };
}

async function awaitApproval(
  runId: string,
  input: TPipelineRunInput,
  step: TPlanStep,
  decisions: Map<string, TApprovalDecision>,
): Promise<{ status: TStepStatus; error?: string }> {
  const timeoutHours = Number(step.config.timeoutHours ?? 72);
  const { approvalId } = await control.createApproval({
    runId,
    projectId: input.projectId,
    nodeId: step.nodeId,
    instructions: String(step.config.instructions ?? ''),
    timeoutHours,
    requestedBy: input.trigger.kind === 'manual' ? input.trigger.userId : null,
  });
  const decided = await condition(() => decisions.has(approvalId), timeoutHours * 3_600_000);
  if (!decided) {
    await control.expireApproval({ approvalId });
    return { status: 'failed', error: `No decision within ${timeoutHours} h` };
  }
  const decision = decisions.get(approvalId)!;
  if (decision.decision === 'approved') return { status: 'succeeded' };
  return { status: 'failed', error: `Rejected${decision.comment ? `: ${decision.comment}` : ''}` };
}

function failureMessage(error: unknown): string {
  if (error instanceof ActivityFailure && error.cause) {
    const cause = error.cause;
    return cause instanceof ApplicationFailure || cause.message ? cause.message : String(cause);
  }
  return error instanceof Error ? error.message : String(error);
}
