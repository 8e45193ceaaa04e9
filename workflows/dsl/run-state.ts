import type { TPlan, TPlanStep } from './plan';

/** Step statuses, shared by the interpreter, the database and the canvas. */
export const STEP_STATUSES = ['pending', 'running', 'retrying', 'waiting_approval', 'succeeded', 'failed', 'skipped', 'cancelled'] as const;
export type TStepStatus = (typeof STEP_STATUSES)[number];

export const RUN_STATUSES = ['queued', 'running', 'waiting_approval', 'succeeded', 'failed', 'cancelled'] as const;
export type TRunStatus = (typeof RUN_STATUSES)[number];

export const STEP_ORIGINS = ['executed', 'cached', 'reused'] as const;
export type TStepOrigin = (typeof STEP_ORIGINS)[number];

/** What a finished step hands downstream: artifact references (never data) and its metrics. */
export type TArtifactRef = { hash: string; size: number };
export type TStepOutputs = { artifacts: Record<string, TArtifactRef>; metrics: Record<string, number> };
export const emptyOutputs = (): TStepOutputs => ({ artifacts: {}, metrics: {} });

const FINISHED: ReadonlySet<TStepStatus> = new Set(['succeeded', 'failed', 'skipped', 'cancelled']);
export const isFinished = (status: TStepStatus) => FINISHED.has(status);

/** Pending steps whose every dependency succeeded, in plan order. */
export function readySteps(plan: TPlan, status: ReadonlyMap<string, TStepStatus>): TPlanStep[] {
  return plan.steps.filter(
    (step) => status.get(step.nodeId) === 'pending' && step.dependsOn.every((dep) => status.get(dep) === 'succeeded'),
  );
}

const BLOCKING: ReadonlySet<TStepStatus> = new Set(['failed', 'skipped', 'cancelled']);

/**
 * Pending steps that can never run because a dependency failed, was skipped or cancelled, or is
 * itself unreachable: transitive, so one call returns the whole dead subgraph (in plan order) and
 * the interpreter need not come round again to skip grandchildren.
 */
export function unreachableSteps(plan: TPlan, status: ReadonlyMap<string, TStepStatus>): TPlanStep[] {
  const dead = new Set<string>();
  // Plans are topologically ordered, so one pass finds everything and a second confirms it.
  for (let grew = true; grew; ) {
    grew = false;
    for (const step of plan.steps) {
      if (dead.has(step.nodeId) || status.get(step.nodeId) !== 'pending') continue;
      const blocked = step.dependsOn.some((dep) => {
        const s = status.get(dep);
        return dead.has(dep) || (s !== undefined && BLOCKING.has(s));
      });
      if (blocked) {
        dead.add(step.nodeId);
        grew = true;
      }
    }
  }
  return plan.steps.filter((step) => dead.has(step.nodeId));
}

/** The run's outcome once no step is pending or in flight. */
export function runOutcome(status: ReadonlyMap<string, TStepStatus>): 'succeeded' | 'failed' {
  return [...status.values()].every((s) => s === 'succeeded') ? 'succeeded' : 'failed';
}
