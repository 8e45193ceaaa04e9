// One run, timed: a Weft pipeline version through runs.start, or a hand-written workflow; and the
// per-step timings read back from the runs' histories.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TPipelineRunResult } from '../../workflows/contract/run-workflow';
import type { TPipelineSpec } from '../../workflows/dsl';
import { HAND_ACTIVITY_QUEUE, HAND_QUEUE } from './config';
import { activityTimeline, mergeTimings, stepTimings, type TActivityTiming, type TStepTimings } from './history';
import { now } from './util';
import type { TBench } from './workers';

class RunTimeout extends Error {}

export type TTimed = { ms: number; handle: WorkflowHandle; /** Weft: how long runs.start itself took */ startMs?: number };

/** Waits for a workflow's result, racing the workers' health and a time limit (then terminates it). */
export async function awaitResult<T>(b: TBench, handle: WorkflowHandle, limitMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RunTimeout(`${handle.workflowId} did not finish within ${limitMs / 1000} s`)), limitMs);
  });
  try {
    return (await Promise.race([handle.result(), timeout, b.workerDied])) as T;
  } catch (error) {
    if (error instanceof RunTimeout) await handle.terminate('bench time limit').catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

export async function saveVersion(b: TBench, name: string, spec: TPipelineSpec): Promise<string> {
  const { id: pipelineId } = await b.api.pipelines.create({ projectId: b.projectId, name: `${name} ${randomUUID().slice(0, 8)}` });
  const { versionId } = await b.api.pipelines.saveVersion({ projectId: b.projectId, pipelineId, spec, message: 'bench' });
  return versionId;
}

/** runs.start → the run's workflow completed, through the same tRPC procedure the UI calls. */
export async function runWeft(b: TBench, versionId: string, limitMs = 60_000): Promise<TTimed> {
  const t0 = now();
  const { runId } = await b.api.runs.start({ projectId: b.projectId, versionId, requestId: randomUUID() });
  const startMs = now() - t0;
  const handle = b.temporal.workflow.getHandle(`run-${runId}`);
  const result = await awaitResult<TPipelineRunResult>(b, handle, limitMs);
  const ms = now() - t0;
  if (result?.status !== 'succeeded') throw new Error(`run ${runId} ended ${result?.status ?? 'without a result'}${result?.error ? `: ${result.error}` : ''}`);
  return { ms, handle, startMs };
}

export async function runHand(b: TBench, workflow: 'handChain' | 'handPythonChain' | 'handFanOut', args: unknown[], limitMs = 60_000): Promise<TTimed> {
  const t0 = now();
  const handle = await b.temporal.workflow.start(workflow, { taskQueue: HAND_QUEUE, workflowId: `hand-${randomUUID()}`, args });
  await awaitResult<number>(b, handle, limitMs);
  return { ms: now() - t0, handle };
}

export const isWeftStep = (a: TActivityTiming) => a.taskQueue.startsWith('weft-pool-');
export const isHandStep = (a: TActivityTiming) => a.taskQueue === HAND_QUEUE || a.taskQueue === HAND_ACTIVITY_QUEUE;

export async function timingsOf(handles: WorkflowHandle[], isStep: (a: TActivityTiming) => boolean): Promise<TStepTimings> {
  const list: TStepTimings[] = [];
  for (let i = 0; i < handles.length; i += 10) {
    list.push(...(await Promise.all(handles.slice(i, i + 10).map(async (h) => stepTimings(await activityTimeline(h), isStep)))));
  }
  return mergeTimings(list);
}
