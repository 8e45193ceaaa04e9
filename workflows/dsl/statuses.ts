/**
 * The one definition of step and run statuses and of which are open or final: the reducer, the
 * SQL that writes records, the reconciler, the GPU quota and the UI all import it from here.
 */
export const STEP_STATUSES = ['pending', 'running', 'retrying', 'waiting_approval', 'succeeded', 'failed', 'skipped', 'cancelled'] as const;
export type TStepStatus = (typeof STEP_STATUSES)[number];

export const RUN_STATUSES = ['queued', 'running', 'waiting_approval', 'succeeded', 'failed', 'cancelled'] as const;
export type TRunStatus = (typeof RUN_STATUSES)[number];

export const STEP_ORIGINS = ['executed', 'cached', 'reused'] as const;
export type TStepOrigin = (typeof STEP_ORIGINS)[number];

export const FINAL_STEP_STATUSES = ['succeeded', 'failed', 'skipped', 'cancelled'] as const satisfies readonly TStepStatus[];
export const OPEN_STEP_STATUSES = ['pending', 'running', 'retrying', 'waiting_approval'] as const satisfies readonly TStepStatus[];
export type TFinalStepStatus = (typeof FINAL_STEP_STATUSES)[number];

export const FINAL_RUN_STATUSES = ['succeeded', 'failed', 'cancelled'] as const satisfies readonly TRunStatus[];
/** A run in one of these still holds what it took (GPU quota leases), can be cancelled, and is watched by the reconciler. */
export const OPEN_RUN_STATUSES = ['queued', 'running', 'waiting_approval'] as const satisfies readonly TRunStatus[];
export type TFinalRunStatus = (typeof FINAL_RUN_STATUSES)[number];

const FINAL_STEPS: ReadonlySet<TStepStatus> = new Set(FINAL_STEP_STATUSES);
const OPEN_RUNS: ReadonlySet<TRunStatus> = new Set(OPEN_RUN_STATUSES);
export const isFinalStep = (status: TStepStatus): status is TFinalStepStatus => FINAL_STEPS.has(status);
export const isOpenRun = (status: TRunStatus) => OPEN_RUNS.has(status);

/** A step whose process runs on a pool worker now (a retry too): it holds a worker's slot, its log is live. */
export const EXECUTING_STEP_STATUSES = ['running', 'retrying'] as const satisfies readonly TStepStatus[];
export const isExecuting = (status: TStepStatus | (string & {})) => status === 'running' || status === 'retrying';

/** A step started and not ended: it holds a slot of the run's max parallelism. */
export const isInFlight = (status: TStepStatus) => status === 'running' || status === 'retrying' || status === 'waiting_approval';

export type TStatusCounts = Record<TStepStatus, number>;

/** How many steps are in each status. */
export function statusCounts(steps: Iterable<TStepStatus>): TStatusCounts {
  const counts = Object.fromEntries(STEP_STATUSES.map((s) => [s, 0])) as TStatusCounts;
  for (const status of steps) counts[status]++;
  return counts;
}

/**
 * The run's status as a function of its steps (counted by status, as the reducer keeps them):
 * while any step is open the run is open (waiting for approval when a gate waits); once every
 * step is final it is cancelled when one was cancelled, failed when one failed, and succeeded
 * otherwise (skipped branches are fine).
 */
export function runStatusOfCounts(counts: Readonly<TStatusCounts>): Exclude<TRunStatus, 'queued'> {
  if (OPEN_STEP_STATUSES.some((s) => counts[s] > 0)) return counts.waiting_approval > 0 ? 'waiting_approval' : 'running';
  return counts.cancelled > 0 ? 'cancelled' : counts.failed > 0 ? 'failed' : 'succeeded';
}

export const runStatusOf = (steps: Iterable<TStepStatus>) => runStatusOfCounts(statusCounts(steps));
