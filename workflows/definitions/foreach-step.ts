import { executeChild, workflowInfo } from '@temporalio/workflow';
import type { TStepInputs } from '../activities/types';
import type { TPlanStep, TStepOutputs, TStepStatus } from '../dsl';
import { evaluateExpression, parseExpression } from '../dsl/expression';
import { CONTROL_TASK_QUEUE } from '../dsl/task-queues';
import { foreachChunk } from './foreach-chunk';
import { runItems, type TForeachChunkInput, type TItemResult } from './foreach-items';
import { expressionContext } from './step-context';
import type { TStepOutcome, TStepRunContext } from './step-runner';

/** Up to this many items run as activities of the run itself; more are split into child workflows. */
export const INLINE_ITEMS = 100;
export const ITEMS_PER_CHILD = 250;
export const MAX_ITEMS = 10_000;

/**
 * A for-each: evaluates its items expression, runs its body once per item (bounded by its
 * concurrency), and succeeds with the items' outputs in order, or fails naming the failed items.
 */
export async function runForeachStep(
  ctx: TStepRunContext,
  step: TPlanStep,
  status: ReadonlyMap<string, TStepStatus>,
  outputs: ReadonlyMap<string, TStepOutputs>,
  inputs: TStepInputs,
): Promise<TStepOutcome> {
  const fail = (error: string): TStepOutcome => {
    ctx.recorder.add({ type: 'step', nodeId: step.nodeId, status: 'failed', error, at: ctx.now() });
    return { status: 'failed', error };
  };
  const parsed = parseExpression(String(step.config.items ?? ''));
  const evaluated = parsed.ok ? evaluateExpression(parsed.ast, expressionContext(ctx.params, status, outputs)) : parsed;
  if (!evaluated.ok) return fail(`Items: ${evaluated.error.message}`);
  if (!Array.isArray(evaluated.value)) return fail('Items: the expression must give a list');
  const items = evaluated.value as unknown[];
  if (items.length > MAX_ITEMS) return fail(`Items: ${items.length} items, at most ${MAX_ITEMS}`);

  ctx.recorder.add({ type: 'step', nodeId: step.nodeId, status: 'running', at: ctx.now() });
  const concurrency = Number(step.config.concurrency ?? 16);
  const base: Omit<TForeachChunkInput, 'items' | 'offset' | 'concurrency'> = {
    runId: ctx.runId,
    projectId: ctx.projectId,
    step,
    params: ctx.params,
    inputs,
    ...(ctx.dispatch ? { dispatch: ctx.dispatch } : {}),
  };
  const results = items.length <= INLINE_ITEMS ? await runItems({ ...base, items, offset: 0, concurrency }, ctx.quota) : await runInChildren(base, items, concurrency);

  const failed = results.flatMap((r, index) => (r.ok ? [] : [{ index, error: r.error }]));
  if (failed.length > 0) {
    const first = failed[0]!;
    return fail(`${failed.length} of ${items.length} items failed; item ${first.index}: ${first.error}`);
  }
  const result: TStepOutputs = { artifacts: {}, metrics: { items: items.length }, items: results.map((r) => (r as Extract<TItemResult, { ok: true }>).outputs) };
  ctx.recorder.add({ type: 'step', nodeId: step.nodeId, status: 'succeeded', origin: 'executed', outputs: result, at: ctx.now() });
  return { status: 'succeeded', outputs: result };
}

async function runInChildren(base: Omit<TForeachChunkInput, 'items' | 'offset' | 'concurrency'>, items: unknown[], concurrency: number) {
  const chunks = Math.ceil(items.length / ITEMS_PER_CHILD);
  const perChild = Math.max(1, Math.floor(concurrency / chunks));
  const parts = await Promise.all(
    Array.from({ length: chunks }, (_, k) =>
      executeChild(foreachChunk, {
        workflowId: `${workflowInfo().workflowId}/${base.step.nodeId}/${k}`,
        taskQueue: CONTROL_TASK_QUEUE,
        args: [{ ...base, items: items.slice(k * ITEMS_PER_CHILD, (k + 1) * ITEMS_PER_CHILD), offset: k * ITEMS_PER_CHILD, concurrency: perChild }],
      }),
    ),
  );
  return parts.flat();
}
