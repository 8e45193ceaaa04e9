import type { TPoolExecutor, TStepOutcome } from '../../dsl';
import { controlLocal } from '../control-activities';
import { poolFor, poolStep } from '../pool-activity';
import type { TRunner } from './runner-context';

/** the artifact store as a step's input in its lineage (`@store/params.data`): no node id holds an "@", so none collides */
const STORE_INPUT = '@store';

/**
 * A python, shell or no-op step: served from the cache, or executed on its pool's task queue with
 * the node's retry policy and timeouts, after its team's GPU quota lets it (the lease is released
 * however the step ends). Cancellation propagates: the activity waits until its process group is
 * gone; a failure rejects, and the driver records it with its message.
 */
export const runActivityStep: TRunner<TPoolExecutor> = async (ctx, { step, inputs }) => {
  let cacheKey: string | undefined;
  if (step.cache) {
    const lookup = await controlLocal.lookupStepCache({ projectId: ctx.projectId, step: { kind: step.kind, executorVersion: step.executorVersion, config: step.config }, inputs, params: ctx.params });
    cacheKey = lookup.cacheKey;
    if (lookup.hit) return { status: 'succeeded', outputs: lookup.hit, origin: 'cached', cacheKey };
  }
  const gpus = step.resources?.gpus ?? 0;
  // (no await unless a quota applies: each one costs the sandbox promises on every step)
  const quota = ctx.quota.applies(ctx.dispatch, step.pool, gpus)
    ? await ctx.quota.hold(ctx.dispatch, { runId: ctx.runId, key: step.nodeId, pool: step.pool, gpus }, (flag) => {
        ctx.emit({ type: 'flagged', nodeId: step.nodeId, flag, at: ctx.now() });
      })
    : null;
  if (quota && 'refused' in quota) return { status: 'failed', error: quota.refused };
  try {
    const result = await poolFor(step, step.nodeId, ctx.dispatch).runStep({ runId: ctx.runId, projectId: ctx.projectId, step: poolStep(step), params: ctx.params, inputs });
    // what it read from the store by hash is recorded with its inputs, as from `@store`
    const recorded = result.read ? { ...inputs, [STORE_INPUT]: result.read } : inputs;
    return { status: 'succeeded', outputs: result.outputs, origin: 'executed', inputs: recorded, attempt: result.attempt, ...(cacheKey ? { cacheKey } : {}) } satisfies TStepOutcome;
  } finally {
    if (quota) await quota.release();
  }
};
