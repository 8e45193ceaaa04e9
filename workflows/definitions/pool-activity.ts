import { ActivityCancellationType, ActivityFailure, ApplicationFailure, CancelledFailure, ChildWorkflowFailure, proxyActivities, TerminatedFailure, TimeoutFailure } from '@temporalio/workflow';
import type { TPoolActivities, TPoolStep } from '../contract/activities';
import type { TPlanStep, TPoolExecutor, TStepOf } from '../dsl';
import type { TDispatch } from '../contract/run-workflow';

/** What of a plan step travels to the pool worker (see TPoolStep). */
export const poolStep = <E extends TPoolExecutor>(step: TStepOf<E>): TPoolStep<E> => ({
  nodeId: step.nodeId,
  executor: step.executor,
  config: step.config,
  maxAttempts: step.retry.maximumAttempts,
  ...(step.resources?.gpus ? { gpus: step.resources.gpus } : {}),
  ...(step.secrets?.length ? { secrets: step.secrets } : {}),
});

/** The pool activity with the node's task queue, timeouts and retry policy. */
export function poolFor(step: TPlanStep, activityId = step.nodeId, dispatch?: TDispatch) {
  return proxyActivities<TPoolActivities>({
    taskQueue: step.taskQueue,
    activityId,
    ...(dispatch
      ? { priority: { priorityKey: dispatch.priority, fairnessKey: dispatch.fairnessKey, fairnessWeight: dispatch.fairnessWeights[step.pool] ?? 1 } }
      : {}),
    startToCloseTimeout: step.startToCloseTimeoutMs,
    heartbeatTimeout: step.heartbeatTimeoutMs,
    // a cancelled run ends only once its step processes are gone
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
    retry: {
      maximumAttempts: step.retry.maximumAttempts,
      initialInterval: step.retry.initialIntervalMs,
      backoffCoefficient: step.retry.backoffCoefficient,
      maximumInterval: step.retry.maximumIntervalMs,
      nonRetryableErrorTypes: step.retry.nonRetryableErrorTypes,
    },
  });
}

/** A failure as the user reads it on the step: what went wrong, not Temporal's wrapping. */
export function failureMessage(error: unknown): string {
  if (error instanceof ActivityFailure && error.cause) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure || cause.message) return cause.message;
    return String(cause);
  }
  if (error instanceof ChildWorkflowFailure) {
    const cause = error.cause;
    const how =
      cause instanceof TerminatedFailure
        ? 'was terminated'
        : cause instanceof TimeoutFailure
          ? 'timed out'
          : cause instanceof CancelledFailure
            ? 'was cancelled'
            : `failed${cause?.message ? `: ${cause.message}` : ''}`;
    return `Its child workflow ${error.execution.workflowId} ${how}`;
  }
  return error instanceof Error ? error.message : String(error);
}
