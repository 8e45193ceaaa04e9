import { executeChild, workflowInfo } from '@temporalio/workflow';
import type { TStepOutputs } from '../../dsl';
import { CONTROL_TASK_QUEUE } from '../../dsl/task-queues';
import { foreachChunk } from '../foreach-chunk';
import { runReduce } from '../foreach-reduce';
import { runItems, type TForeachChunkInput, type TItemResult } from '../foreach-items';
import type { TRunner } from './runner-context';

/** Up to this many items run as activities of the run itself; more are split into child workflows. */
export const INLINE_ITEMS = 100;
export const ITEMS_PER_CHILD = 250;

type TChunkBase = Omit<TForeachChunkInput, 'items' | 'offset' | 'concurrency'>;

/**
 * A for-each: runs its body once per item (the reducer evaluated the list), bounded by its
 * concurrency, and succeeds with the items' outputs in order, or fails naming the failed items.
 * A for-each with a reduce step (an expanded Sweep) succeeds with what that step makes of them.
 */
export const runForeachStep: TRunner<'foreach'> = async (ctx, { step, inputs, items = [], concurrency: slots }) => {
  // the slots the run gave it (its concurrency within max parallelism); runs begun before: its own concurrency
  const concurrency = slots ?? step.config.concurrency;
  const base: TChunkBase = { runId: ctx.runId, projectId: ctx.projectId, step, params: ctx.params, inputs, dispatch: ctx.dispatch };
  const results = items.length <= INLINE_ITEMS ? await runItems({ ...base, items, offset: 0, concurrency }, ctx.quota) : await runInChildren(base, items, concurrency, slots !== undefined);
  const failed = results.flatMap((r, index) => (r.ok ? [] : [{ index, error: r.error }]));
  if (failed.length > 0) return { status: 'failed', error: `${failed.length} of ${items.length} items failed; item ${failed[0]!.index}: ${failed[0]!.error}` };
  const itemOutputs = results.map((r) => (r as Extract<TItemResult, { ok: true }>).outputs);
  if (step.config.reduce) return runReduce(ctx, step, step.config.reduce, itemOutputs);
  const outputs: TStepOutputs = { artifacts: {}, metrics: { items: items.length }, items: itemOutputs };
  return { status: 'succeeded', outputs, origin: 'executed' };
};

/**
 * Items in child workflows of ITEMS_PER_CHILD each, `concurrency` items at once in all: with
 * `bounded` (runs whose for-each holds slots), at most `concurrency` children at once, sharing it;
 * before, every child at once with at least one item each.
 */
async function runInChildren(base: TChunkBase, items: unknown[], concurrency: number, bounded: boolean): Promise<TItemResult[]> {
  const chunks = Math.ceil(items.length / ITEMS_PER_CHILD);
  const lanes = bounded ? Math.min(chunks, concurrency) : chunks;
  const perChild = Math.max(1, Math.floor(concurrency / lanes));
  const parts: TItemResult[][] = new Array(chunks);
  let next = 0;
  const lane = async () => {
    for (let k = next++; k < chunks; k = next++) {
      parts[k] = await executeChild(foreachChunk, {
        workflowId: `${workflowInfo().workflowId}/${base.step.nodeId}/${k}`,
        taskQueue: CONTROL_TASK_QUEUE,
        args: [{ ...base, items: items.slice(k * ITEMS_PER_CHILD, (k + 1) * ITEMS_PER_CHILD), offset: k * ITEMS_PER_CHILD, concurrency: perChild }],
      });
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return parts.flat();
}
