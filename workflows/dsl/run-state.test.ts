import { describe, expect, it } from 'vitest';
import { compileSpec } from './compile';
import type { TPlan } from './plan';
import { isFinished, readySteps, runOutcome, STEP_STATUSES, unreachableSteps, type TStepStatus } from './run-state';
import { edge, planOf, pythonNode, spec } from './test-specs';

const statuses = (entries: Record<string, TStepStatus>) => new Map(Object.entries(entries));
const ids = (steps: { nodeId: string }[]) => steps.map((s) => s.nodeId);
const allPending = (plan: TPlan) => new Map(plan.steps.map((s): [string, TStepStatus] => [s.nodeId, 'pending']));

/**
 * A small pure interpreter loop (the shape of workflows/definitions/pipeline-run.ts, minus
 * parallelism limits): skip unreachable steps, run every ready step with the given outcome,
 * until nothing is ready or in flight.
 */
function simulate(plan: TPlan, outcomeOf: (nodeId: string) => 'succeeded' | 'failed') {
  const status = allPending(plan);
  const waves: string[][] = [];
  for (;;) {
    for (const step of unreachableSteps(plan, status)) status.set(step.nodeId, 'skipped');
    const ready = readySteps(plan, status);
    if (ready.length === 0) break;
    waves.push(ids(ready));
    for (const step of ready) status.set(step.nodeId, outcomeOf(step.nodeId));
  }
  return { status, waves, outcome: runOutcome(status) };
}

// a → (b, c) → d ; b → e   (two parallel branches off a, joined at d)
const diamond = () => planOf({ a: [], b: ['a'], c: ['a'], d: ['b', 'c'], e: ['b'] });

describe('readySteps', () => {
  it('at the start: the pending roots, in plan order', () => {
    expect(ids(readySteps(planOf({ r1: [], x: ['r1'], r2: [] }), statuses({ r1: 'pending', x: 'pending', r2: 'pending' })))).toEqual([
      'r1',
      'r2',
    ]);
  });

  it('parallel branches become ready together once their shared dependency succeeds', () => {
    const plan = diamond();
    expect(ids(readySteps(plan, statuses({ a: 'running', b: 'pending', c: 'pending', d: 'pending', e: 'pending' })))).toEqual([]);
    expect(ids(readySteps(plan, statuses({ a: 'succeeded', b: 'pending', c: 'pending', d: 'pending', e: 'pending' })))).toEqual([
      'b',
      'c',
    ]);
  });

  it('a join waits for every dependency to succeed', () => {
    const plan = diamond();
    expect(ids(readySteps(plan, statuses({ a: 'succeeded', b: 'succeeded', c: 'running', d: 'pending', e: 'pending' })))).toEqual([
      'e',
    ]);
    expect(ids(readySteps(plan, statuses({ a: 'succeeded', b: 'succeeded', c: 'succeeded', d: 'pending', e: 'running' })))).toEqual([
      'd',
    ]);
  });

  it('only pending steps are ready (not running, retrying, waiting or finished)', () => {
    const plan = planOf({ a: [], b: [], c: [], d: [], e: [] });
    const status = statuses({ a: 'running', b: 'retrying', c: 'waiting_approval', d: 'succeeded', e: 'pending' });
    expect(ids(readySteps(plan, status))).toEqual(['e']);
  });

  it('a dependency in any status but succeeded blocks', () => {
    const plan = planOf({ up: [], down: ['up'] });
    for (const s of STEP_STATUSES.filter((s) => s !== 'succeeded')) {
      expect(ids(readySteps(plan, statuses({ up: s, down: 'pending' })))).not.toContain('down');
    }
  });
});

describe('unreachableSteps', () => {
  it('is empty while nothing failed', () => {
    expect(unreachableSteps(diamond(), allPending(diamond()))).toEqual([]);
    expect(unreachableSteps(diamond(), statuses({ a: 'succeeded', b: 'running', c: 'pending', d: 'pending', e: 'pending' }))).toEqual([]);
  });

  it.each(['failed', 'skipped', 'cancelled'] as const)('a %s dependency makes its pending dependents unreachable', (s) => {
    const plan = planOf({ up: [], down: ['up'], other: [] });
    expect(ids(unreachableSteps(plan, statuses({ up: s, down: 'pending', other: 'pending' })))).toEqual(['down']);
  });

  it('skips everything downstream of a failure, transitively, but not the parallel branch', () => {
    const plan = diamond();
    // c failed while b succeeded: d (join) is unreachable, e (only needs b) is not
    const status = statuses({ a: 'succeeded', b: 'succeeded', c: 'failed', d: 'pending', e: 'pending' });
    expect(ids(unreachableSteps(plan, status))).toEqual(['d']);
    expect(ids(readySteps(plan, status))).toEqual(['e']);
  });

  it('returns the whole dead subgraph in one call, in plan order', () => {
    const plan = planOf({ a: [], b: ['a'], c: ['b'], d: ['c', 'x'], x: [], y: ['x'] });
    const status = statuses({ a: 'failed', b: 'pending', c: 'pending', d: 'pending', x: 'succeeded', y: 'pending' });
    expect(ids(unreachableSteps(plan, status))).toEqual(['b', 'c', 'd']);
  });

  it('does not return steps that are already running or finished', () => {
    const plan = planOf({ a: [], b: ['a'], c: ['a'] });
    expect(ids(unreachableSteps(plan, statuses({ a: 'failed', b: 'skipped', c: 'running' })))).toEqual([]);
  });
});

describe('runOutcome', () => {
  it('succeeded only when every step succeeded', () => {
    expect(runOutcome(statuses({ a: 'succeeded', b: 'succeeded' }))).toBe('succeeded');
  });

  it.each(['failed', 'skipped', 'cancelled', 'pending'] as const)('failed when a step is %s', (s) => {
    expect(runOutcome(statuses({ a: 'succeeded', b: s }))).toBe('failed');
  });

  it('isFinished covers exactly the terminal statuses', () => {
    expect(STEP_STATUSES.filter(isFinished)).toEqual(['succeeded', 'failed', 'skipped', 'cancelled']);
  });
});

describe('a whole run, simulated over a compiled plan', () => {
  const compiled = (): TPlan => {
    const result = compileSpec(
      spec(
        ['fetch', 'clean', 'features', 'train', 'report', 'publish'].map((id) => pythonNode(id)),
        [
          edge('fetch', 'clean'),
          edge('fetch', 'report'),
          edge('clean', 'features'),
          edge('features', 'train'),
          edge('train', 'publish'),
          edge('report', 'publish'),
        ],
      ),
    );
    if (!result.ok) throw new Error('spec should compile');
    return result.plan;
  };

  it('runs parallel branches in waves and succeeds when all steps do', () => {
    const { waves, outcome, status } = simulate(compiled(), () => 'succeeded');
    expect(waves).toEqual([['fetch'], ['clean', 'report'], ['features'], ['train'], ['publish']]);
    expect(outcome).toBe('succeeded');
    expect([...status.values()].every((s) => s === 'succeeded')).toBe(true);
  });

  it('skips everything downstream of a failure, lets the other branch finish, and fails the run', () => {
    const { status, outcome } = simulate(compiled(), (id) => (id === 'clean' ? 'failed' : 'succeeded'));
    expect(Object.fromEntries(status)).toEqual({
      fetch: 'succeeded',
      clean: 'failed',
      features: 'skipped',
      train: 'skipped',
      report: 'succeeded',
      publish: 'skipped',
    });
    expect(outcome).toBe('failed');
  });

  it('leaves no step pending when the first step of a long chain fails', () => {
    const result = compileSpec(spec(['a', 'b', 'c', 'd'].map((id) => pythonNode(id)), [edge('a', 'b'), edge('b', 'c'), edge('c', 'd')]));
    if (!result.ok) throw new Error('spec should compile');
    // The interpreter stops as soon as nothing is ready or running; every step must be final by then.
    const { status } = simulate(result.plan, (id) => (id === 'a' ? 'failed' : 'succeeded'));
    expect(Object.fromEntries(status)).toEqual({ a: 'failed', b: 'skipped', c: 'skipped', d: 'skipped' });
  });
});
