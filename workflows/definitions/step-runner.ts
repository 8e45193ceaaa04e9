import { ActivityCancellationType, ActivityFailure, ApplicationFailure, isCancellation, proxyActivities } from '@temporalio/workflow';
import type { createPoolActivities } from '../activities/pool';
import type { TPoolStep, TStepInputs } from '../activities/types';
import type { TPlanStep, TStepOutputs, TStepStatus } from '../dsl';
import { controlLocal } from './control-activities';
import type { TDispatch } from './messages';
import type { QueueWatch } from './queue-watch';
import type { QuotaGate } from './quota-gate';
import type { RunRecorder } from './recorder';

type TPool = ReturnType<typeof createPoolActivities>;
export type TStepOutcome = { status: TStepStatus; outputs?: TStepOutputs; error?: string };

export type TStepRunContext = {
  runId: string;
  projectId: string;
  params: Record<string, string | number | boolean>;
  recorder: RunRecorder;
  reuse: Record<string, TStepOutputs>;
  now: () => string;
  /** absent for runs begun before fair share existed (their histories replay without it) */
  dispatch?: TDispatch;
  quota?: QuotaGate;
  /** while a step waits for its team's quota it is not waiting for a worker */
  watch?: Pick<QueueWatch, 'queued' | 'done'>;
};

/**
 * One activity step: reused from the retried run, served from the cache, or executed on its
 * pool's task queue with the node's retry policy and timeouts. Cancellation propagates (the
 * activity waits until its process group is killed); any other failure is the step's outcome.
 */
export async function runActivityStep(ctx: TStepRunContext, step: TPlanStep, inputs: TStepInputs): Promise<TStepOutcome> {
  const reused = ctx.reuse[step.nodeId];
  if (reused) {
    ctx.recorder.add({ type: 'step', nodeId: step.nodeId, status: 'succeeded', origin: 'reused', outputs: reused, at: ctx.now() });
    return { status: 'succeeded', outputs: reused };
  }
  let cacheKey: string | undefined;
  if (step.cache) {
    const lookup = await controlLocal.lookupStepCache({ projectId: ctx.projectId, step: { kind: step.kind, executorVersion: step.executorVersion, config: step.config }, inputs });
    cacheKey = lookup.cacheKey;
    if (lookup.hit) {
      ctx.recorder.add({ type: 'step', nodeId: step.nodeId, status: 'succeeded', origin: 'cached', outputs: lookup.hit, cacheKey, at: ctx.now() });
      return { status: 'succeeded', outputs: lookup.hit };
    }
  }
  const gpus = step.resources?.gpus ?? 0;
  // (no await unless a quota applies: each one costs the sandbox promises on every step)
  const quota = ctx.quota?.applies(ctx.dispatch, step.pool, gpus)
    ? await ctx.quota.hold(ctx.dispatch, { runId: ctx.runId, key: step.nodeId, pool: step.pool, gpus }, (flag) => {
        if (flag) ctx.watch?.done(step.nodeId);
        else ctx.watch?.queued(step);
        ctx.recorder.add({ type: 'flag', nodeId: step.nodeId, flag });
      })
    : null;
  if (quota && 'refused' in quota) {
    ctx.recorder.add({ type: 'step', nodeId: step.nodeId, status: 'failed', error: quota.refused, at: ctx.now() });
    return { status: 'failed', error: quota.refused };
  }
  ctx.recorder.add({ type: 'step', nodeId: step.nodeId, status: 'running', at: ctx.now() });
  try {
    const result = await poolFor(step, step.nodeId, ctx.dispatch).runStep({ runId: ctx.runId, projectId: ctx.projectId, step: poolStep(step), params: ctx.params, inputs });
    ctx.recorder.add({ type: 'step', nodeId: step.nodeId, status: 'succeeded', origin: 'executed', outputs: result.outputs, inputs, cacheKey, attempt: result.attempt, at: ctx.now() });
    return { status: 'succeeded', outputs: result.outputs };
  } catch (error) {
    if (isCancellation(error)) throw error;
    const message = failureMessage(error);
    ctx.recorder.add({ type: 'step', nodeId: step.nodeId, status: 'failed', error: message, at: ctx.now() });
    return { status: 'failed', error: message };
  } finally {
    if (quota) await quota.release();
  }
}

/** What of a plan step travels to the pool worker (see TPoolStep). */
export const poolStep = (step: TPlanStep): TPoolStep => ({
  nodeId: step.nodeId,
  executor: step.executor,
  config: step.config,
  maxAttempts: step.retry.maximumAttempts,
  ...(step.resources?.gpus ? { gpus: step.resources.gpus } : {}),
});

/** The pool activity with the node's task queue, timeouts and retry policy. */
export function poolFor(step: TPlanStep, activityId = step.nodeId, dispatch?: TDispatch) {
  return proxyActivities<TPool>({
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

export function failureMessage(error: unknown): string {
  if (error instanceof ActivityFailure && error.cause) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure || cause.message) return cause.message;
    return String(cause);
  }
  return error instanceof Error ? error.message : String(error);
}
