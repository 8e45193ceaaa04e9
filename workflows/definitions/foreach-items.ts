import { isCancellation } from '@temporalio/workflow';
import type { TForeachStepBody, TPoolExecutor, TStepConfigPart, TStepInputs, TStepOf, TStepOutputs } from '../dsl';
import type { TDispatch } from '../contract/run-workflow';
import type { QuotaGate } from './quota-gate';
import { failureMessage, poolFor, poolStep } from './pool-activity';

export type TItemResult = { ok: true; outputs: TStepOutputs } | { ok: false; error: string };

export type TForeachChunkInput = {
  runId: string;
  projectId: string;
  step: TStepOf<'foreach'>;
  params: Record<string, string | number | boolean>;
  inputs: TStepInputs;
  items: unknown[];
  /** index of the first item of this chunk in the whole list */
  offset: number;
  concurrency: number;
  dispatch?: TDispatch;
};

/** The pool step one item runs: the for-each's body with the for-each's retry policy and timeouts. */
export function itemStep(step: TStepOf<'foreach'>): TStepOf<TPoolExecutor> {
  const body = step.config.step;
  return { ...step, kind: body.kind, ...bodyStep(body.kind, body) };
}

/** The pool executors a for-each body may be (ZForeachStepBodySchema's kinds). */
type TBodyKind = TForeachStepBody['kind'];
type TBodyOf<E extends TBodyKind> = { [X in E]: Extract<TForeachStepBody, { kind: X }> }[E];

/** A body `{ kind, ...config }` as the executor and config of its step (a new pool executor is a type error here until its body is). */
const BODY_STEPS: { [E in TBodyKind]: (body: TBodyOf<E>) => TStepConfigPart<E> } = {
  python: ({ kind, ...config }) => ({ executor: kind, config }),
  shell: ({ kind, ...config }) => ({ executor: kind, config }),
  noop: ({ kind, ...config }) => ({ executor: kind, config }),
  python_library: ({ kind, ...config }) => ({ executor: kind, config }),
};

const bodyStep = <E extends TBodyKind>(kind: E, body: TBodyOf<E>): TStepConfigPart<E> => BODY_STEPS[kind](body);

/**
 * Runs items as pool activities, at most `concurrency` at once; results come back in item order.
 * GPU items wait for their team's quota like steps (`quota`: the calling workflow's gate).
 */
export async function runItems(input: TForeachChunkInput, quota?: QuotaGate): Promise<TItemResult[]> {
  const body = itemStep(input.step);
  const results: TItemResult[] = new Array(input.items.length);
  let next = 0;
  const lane = async () => {
    while (next < input.items.length) {
      const i = next++;
      const index = input.offset + i;
      const key = `${input.step.nodeId}[${index}]`;
      const hold = await quota?.hold(input.dispatch, { runId: input.runId, key, pool: body.pool, gpus: body.resources?.gpus ?? 0 }, () => undefined);
      if (hold && 'refused' in hold) {
        results[i] = { ok: false, error: hold.refused };
        continue;
      }
      try {
        const result = await poolFor(body, key, input.dispatch).runStep({
          runId: input.runId,
          projectId: input.projectId,
          step: poolStep(body),
          params: input.params,
          inputs: input.inputs,
          item: { index, value: input.items[i] },
        });
        results[i] = { ok: true, outputs: result.outputs };
      } catch (error) {
        if (isCancellation(error)) throw error;
        results[i] = { ok: false, error: failureMessage(error) };
      } finally {
        await hold?.release();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(input.concurrency, input.items.length) }, lane));
  return results;
}
