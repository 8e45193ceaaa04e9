import type { TPythonLibraryConfig, TStepInputs, TStepOf, TStepOutcome, TStepOutputs } from '../dsl';
import { poolFor, poolStep } from './pool-activity';
import type { TRunnerContext } from './runners/runner-context';

/**
 * A for-each's reduce step (a Sweep's pick of the best candidate): one pool activity on the
 * for-each's pool, with its retry policy and timeouts, given every item's outputs as inputs
 * `item-<i>`. Its outputs become the for-each's, with the items' kept beside them, and its attempt
 * is the step's (its log is the step's log).
 */
export async function runReduce(ctx: TRunnerContext, step: TStepOf<'foreach'>, reduce: TPythonLibraryConfig, items: TStepOutputs[]): Promise<TStepOutcome> {
  const reduceStep: TStepOf<'python_library'> = { ...step, executor: 'python_library', config: reduce };
  const inputs: TStepInputs = Object.fromEntries(items.map((outputs, i) => [`item-${i}`, outputs.artifacts]));
  const gpus = step.resources?.gpus ?? 0;
  const quota = ctx.quota.applies(ctx.dispatch, step.pool, gpus) ? await ctx.quota.hold(ctx.dispatch, { runId: ctx.runId, key: `${step.nodeId}.reduce`, pool: step.pool, gpus }, () => undefined) : null;
  if (quota && 'refused' in quota) return { status: 'failed', error: quota.refused };
  try {
    const result = await poolFor(reduceStep, `${step.nodeId}.reduce`, ctx.dispatch).runStep({ runId: ctx.runId, projectId: ctx.projectId, step: poolStep(reduceStep), params: ctx.params, inputs });
    const outputs: TStepOutputs = { artifacts: result.outputs.artifacts, metrics: { items: items.length, ...result.outputs.metrics }, items };
    return { status: 'succeeded', outputs, origin: 'executed', attempt: result.attempt };
  } finally {
    if (quota) await quota.release();
  }
}
