import { ActivityCancellationType, ActivityFailure, ApplicationFailure, proxyActivities, setHandler } from '@temporalio/workflow';
import type { TPoolActivities } from '../contract/activities';
import { stepAttemptSignal } from '../contract/run-workflow';
import type { TStepTestInput, TStepTestResult } from '../contract/step-test';
import type { TStepAttemptEvent } from '../dsl';

/**
 * "Test this step": the step's pool activity, once (no retries: a test shows what the code does),
 * on the step's own task queue. A failed attempt reports its log through the attempt signal, as in
 * a run; that report, or the activity's result, is the test's result.
 */
export async function stepTest(input: TStepTestInput): Promise<TStepTestResult> {
  let finished: TStepAttemptEvent | undefined;
  setHandler(stepAttemptSignal, (event) => {
    if (event.phase === 'finished') finished = event;
  });
  const pool = proxyActivities<TPoolActivities>({
    taskQueue: input.taskQueue,
    activityId: input.step.nodeId,
    startToCloseTimeout: input.startToCloseTimeoutMs,
    heartbeatTimeout: input.heartbeatTimeoutMs,
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
    retry: { maximumAttempts: 1 },
  });
  try {
    const { outputs, attempt } = await pool.runStep({ runId: input.testId, projectId: input.projectId, step: { ...input.step, maxAttempts: 1 }, params: input.params, inputs: input.inputs, test: true });
    return { status: 'succeeded', outputs, log: attempt.log, exitCode: attempt.exitCode, startedAt: attempt.startedAt, endedAt: attempt.endedAt };
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : error;
    const message = cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : String(cause);
    const outcome = finished?.outcome;
    return { status: 'failed', error: outcome?.error ?? message, log: outcome?.log ?? '', exitCode: outcome?.exitCode ?? null, startedAt: finished?.startedAt ?? null, endedAt: finished?.at ?? new Date().toISOString() };
  }
}
