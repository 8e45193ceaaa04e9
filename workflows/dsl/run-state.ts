import type { TPlan, TPlanStep } from './plan';

/** Step statuses, shared by the interpreter, the database and the canvas. */
export const STEP_STATUSES = ['pending', 'running', 'retrying', 'waiting_approval', 'succeeded', 'failed', 'skipped', 'cancelled'] as const;
export type TStepStatus = (typeof STEP_STATUSES)[number];

export const RUN_STATUSES = ['queued', 'running', 'waiting_approval', 'succeeded', 'failed', 'cancelled'] as const;
export type TRunStatus = (typeof RUN_STATUSES)[number];

const FINISHED: ReadonlySet<TStepStatus> = new Set(['succeeded', 'failed', 'skipped', 'cancelled']);
export const isFinished = (status: TStepStatus) => FINISHED.has(status);

/** Pending steps whose every dependency succeeded, in plan order. */
export function readySteps(plan: TPlan, status: ReadonlyMap<string, TStepStatus>): TPlanStep[] {
  return plan.steps.filter(
    (step) => status.get(step.nodeId) === 'pending' && step.dependsOn.every((dep) => status.get(dep) === 'succeeded'),
  );
}

/** Pending steps that can never run because a dependency failed or was skipped. */
export function unreachableSteps(plan: TPlan, status: ReadonlyMap<string, TStepStatus>): TPlanStep[] {
  return plan.steps.filter((step) => {
    if (status.get(step.nodeId) !== 'pending') return false;
    return step.dependsOn.some((dep) => {
      const s = status.get(dep);
      return s === 'failed' || s === 'skipped' || s === 'cancelled';
    });
  });
}

/** The run's outcome once no step is pending or in flight. */
export function runOutcome(status: ReadonlyMap<string, TStepStatus>): 'succeeded' | 'failed' {
  return [...status.values()].every((s) => s === 'succeeded') ? 'succeeded' : 'failed';
}
