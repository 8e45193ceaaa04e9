import { describe, expect, it } from 'vitest';
import { compileSpec } from './compile';
import type { TPlan } from './plan';
import { nextMoves } from './next-moves-reference';
import { isFinalStep, runStatusOf, STEP_STATUSES, type TStepStatus } from './statuses';
import { branchEdge, conditionNode, edge, planOf, pythonNode, spec, type TSpecInput } from './test-specs';

const statuses = (entries: Record<string, TStepStatus>) => new Map(Object.entries(entries));
const ids = (steps: { nodeId: string }[]) => steps.map((s) => s.nodeId);
const allPending = (plan: TPlan) => new Map(plan.steps.map((s): [string, TStepStatus] => [s.nodeId, 'pending']));
const noBranches = new Map<string, string>();

/** nextMoves as node ids: what is ready, skipped and blocked. */
function movesOf(plan: TPlan, status: Record<string, TStepStatus>, branches: Record<string, 'true' | 'false'> = {}) {
  const { ready, skip, block } = nextMoves(plan, statuses(status), new Map(Object.entries(branches)));
  return { ready: ids(ready), skip: ids(skip), block: ids(block) };
}

/** Every step of the plan at `base`, except those named in `overrides`. */
const everyStep = (plan: TPlan, base: TStepStatus, overrides: Record<string, TStepStatus> = {}) =>
  Object.fromEntries(plan.steps.map((s) => [s.nodeId, overrides[s.nodeId] ?? base]));

type TScript = { fail?: readonly string[]; take?: Readonly<Record<string, 'true' | 'false'>> };

/**
 * A small pure interpreter loop (the shape of workflows/definitions/pipeline-run.ts, minus
 * parallelism limits): mark skipped and blocked steps `skipped`, run every ready step (failing
 * those in `fail`; a condition in `take` takes that branch), until nothing is ready.
 */
function simulate(plan: TPlan, { fail = [], take = {} }: TScript = {}) {
  const status = allPending(plan);
  const branches = new Map<string, string>();
  const waves: string[][] = [];
  const skipped: string[] = [];
  const blocked: string[] = [];
  for (;;) {
    const { ready, skip, block } = nextMoves(plan, status, branches);
    for (const step of [...skip, ...block]) status.set(step.nodeId, 'skipped');
    skipped.push(...ids(skip));
    blocked.push(...ids(block));
    if (ready.length === 0) break;
    waves.push(ids(ready));
    for (const step of ready) {
      status.set(step.nodeId, fail.includes(step.nodeId) ? 'failed' : 'succeeded');
      const port = take[step.nodeId];
      if (port && !fail.includes(step.nodeId)) branches.set(step.nodeId, port);
    }
  }
  return { status: Object.fromEntries(status), waves, skipped, blocked, outcome: runStatusOf(status.values()) };
}

// a → (b, c) → d ; b → e   (two parallel branches off a, joined at d)
const diamond = () => planOf({ a: [], b: ['a'], c: ['a'], d: ['b', 'c'], e: ['b'] });

// a → check ─true→ yes → yes2 ─┐
//          └false→ no  → no2  ─┴→ join ;  no → noJoin ← no2   (noJoin: both inputs on the false side)
const ifElse = () =>
  planOf({
    a: [],
    check: ['a'],
    yes: ['check:true'],
    no: ['check:false'],
    yes2: ['yes'],
    no2: ['no'],
    join: ['yes2', 'no2'],
    noJoin: ['no', 'no2'],
  });

describe('nextMoves: ready', () => {
  it('at the start: the pending roots, in plan order, and nothing to skip or block', () => {
    const plan = planOf({ r1: [], x: ['r1'], r2: [] });
    expect(movesOf(plan, everyStep(plan, 'pending'))).toEqual({ ready: ['r1', 'r2'], skip: [], block: [] });
  });

  it('parallel branches become ready together once their shared dependency succeeds', () => {
    const plan = diamond();
    expect(movesOf(plan, everyStep(plan, 'pending', { a: 'running' })).ready).toEqual([]);
    expect(movesOf(plan, everyStep(plan, 'pending', { a: 'succeeded' })).ready).toEqual(['b', 'c']);
  });

  it('a join waits for every dependency to finish', () => {
    const plan = diamond();
    expect(movesOf(plan, { a: 'succeeded', b: 'succeeded', c: 'running', d: 'pending', e: 'pending' })).toEqual({
      ready: ['e'],
      skip: [],
      block: [],
    });
    expect(movesOf(plan, { a: 'succeeded', b: 'succeeded', c: 'succeeded', d: 'pending', e: 'running' }).ready).toEqual(['d']);
  });

  it('only pending steps are ready (not running, retrying, waiting or finished)', () => {
    const plan = planOf({ a: [], b: [], c: [], d: [], e: [] });
    expect(movesOf(plan, { a: 'running', b: 'retrying', c: 'waiting_approval', d: 'succeeded', e: 'pending' }).ready).toEqual(['e']);
  });

  it.each(['pending', 'running', 'retrying', 'waiting_approval'] as const)('a %s dependency makes its dependent wait', (s) => {
    const plan = planOf({ up: [], down: ['up'] });
    expect(movesOf(plan, { up: s, down: 'pending' })).toEqual({ ready: s === 'pending' ? ['up'] : [], skip: [], block: [] });
  });

  it('every dependency status but succeeded keeps the dependent from running', () => {
    const plan = planOf({ up: [], down: ['up'] });
    for (const s of STEP_STATUSES.filter((s) => s !== 'succeeded')) {
      expect(movesOf(plan, { up: s, down: 'pending' }).ready).not.toContain('down');
    }
  });

  it('does not change the status map it is given', () => {
    const plan = diamond();
    const status = statuses({ a: 'failed', b: 'pending', c: 'pending', d: 'pending', e: 'pending' });
    const before = [...status];
    nextMoves(plan, status, noBranches);
    expect([...status]).toEqual(before);
  });
});

describe('nextMoves: block', () => {
  it('is empty while nothing failed', () => {
    expect(movesOf(diamond(), everyStep(diamond(), 'pending')).block).toEqual([]);
    expect(movesOf(diamond(), { a: 'succeeded', b: 'running', c: 'pending', d: 'pending', e: 'pending' }).block).toEqual([]);
  });

  it.each(['failed', 'cancelled'] as const)('a %s dependency blocks its pending dependents', (s) => {
    const plan = planOf({ up: [], down: ['up'], other: [] });
    expect(movesOf(plan, { up: s, down: 'pending', other: 'pending' })).toEqual({ ready: ['other'], skip: [], block: ['down'] });
  });

  it('blocks everything downstream of a failure, transitively, but not the parallel branch', () => {
    // c failed while b succeeded: d (join) is blocked, e (only needs b) is ready
    expect(movesOf(diamond(), { a: 'succeeded', b: 'succeeded', c: 'failed', d: 'pending', e: 'pending' })).toEqual({
      ready: ['e'],
      skip: [],
      block: ['d'],
    });
  });

  it('returns the whole dead subgraph in one call, in plan order, without waiting for other dependencies', () => {
    const plan = planOf({ a: [], x: [], b: ['a'], c: ['b'], d: ['c', 'x'], y: ['x'] });
    expect(movesOf(plan, { a: 'failed', x: 'running', b: 'pending', c: 'pending', d: 'pending', y: 'pending' })).toEqual({
      ready: [],
      skip: [],
      block: ['b', 'c', 'd'],
    });
    expect(movesOf(plan, { a: 'failed', x: 'succeeded', b: 'pending', c: 'pending', d: 'pending', y: 'pending' }).ready).toEqual(['y']);
  });

  it('does not return steps that are already running or finished', () => {
    const plan = planOf({ a: [], b: ['a'], c: ['a'] });
    expect(movesOf(plan, { a: 'failed', b: 'skipped', c: 'running' })).toEqual({ ready: [], skip: [], block: [] });
  });

  it('a step already marked skipped below a failure still blocks the steps below it', () => {
    // the interpreter marks blocked steps `skipped`; on a later pass c is blocked, not skipped
    const plan = planOf({ a: [], b: ['a'], c: ['b'], d: ['c'] });
    expect(movesOf(plan, { a: 'failed', b: 'skipped', c: 'pending', d: 'pending' })).toEqual({ ready: [], skip: [], block: ['c', 'd'] });
  });

  it('a join below a failure and a skipped branch is blocked, not skipped', () => {
    const plan = planOf({ check: [], x: [], yes: ['check:true'], join: ['yes', 'x'] });
    expect(movesOf(plan, { check: 'succeeded', x: 'failed', yes: 'pending', join: 'pending' }, { check: 'false' })).toEqual({
      ready: [],
      skip: ['yes'],
      block: ['join'],
    });
  });

  it('a failed condition blocks both of its branches', () => {
    const plan = ifElse();
    expect(movesOf(plan, everyStep(plan, 'pending', { a: 'succeeded', check: 'failed' }))).toEqual({
      ready: [],
      skip: [],
      block: ['yes', 'no', 'yes2', 'no2', 'join', 'noJoin'],
    });
  });
});

describe('nextMoves: conditions', () => {
  it('while the condition runs, neither branch moves', () => {
    const plan = ifElse();
    expect(movesOf(plan, everyStep(plan, 'pending', { a: 'succeeded', check: 'running' }))).toEqual({ ready: [], skip: [], block: [] });
  });

  it('only the taken branch is ready; the other branch and its descendants are skipped in the same pass', () => {
    const plan = ifElse();
    const status = everyStep(plan, 'pending', { a: 'succeeded', check: 'succeeded' });
    expect(movesOf(plan, status, { check: 'true' })).toEqual({ ready: ['yes'], skip: ['no', 'no2', 'noJoin'], block: [] });
    expect(movesOf(plan, status, { check: 'false' })).toEqual({ ready: ['no'], skip: ['yes', 'yes2'], block: [] });
  });

  it('a join after if/else runs once the taken side succeeds', () => {
    const plan = ifElse();
    const status = everyStep(plan, 'skipped', { a: 'succeeded', check: 'succeeded', yes: 'succeeded', yes2: 'succeeded', join: 'pending' });
    expect(movesOf(plan, status, { check: 'true' })).toEqual({ ready: ['join'], skip: [], block: [] });
  });

  it('a join after if/else is ready in the same pass that skips the untaken side', () => {
    const plan = ifElse();
    const status = everyStep(plan, 'pending', { a: 'succeeded', check: 'succeeded', yes: 'succeeded', yes2: 'succeeded' });
    expect(movesOf(plan, status, { check: 'true' })).toEqual({ ready: ['join'], skip: ['no', 'no2', 'noJoin'], block: [] });
  });

  it('a join whose inputs all come from the untaken side is skipped', () => {
    const plan = ifElse();
    const skippedSide = everyStep(plan, 'pending', { a: 'succeeded', check: 'succeeded', yes: 'running', no: 'skipped', no2: 'skipped' });
    expect(movesOf(plan, skippedSide, { check: 'true' })).toEqual({ ready: [], skip: ['noJoin'], block: [] });
  });

  it('a failure below the taken branch blocks its descendants, join included, and the run fails', () => {
    const plan = ifElse();
    const status = everyStep(plan, 'skipped', { a: 'succeeded', check: 'succeeded', yes: 'failed', yes2: 'pending', join: 'pending' });
    expect(movesOf(plan, status, { check: 'true' })).toEqual({ ready: [], skip: [], block: ['yes2', 'join'] });
    expect(runStatusOf(statuses({ ...status, yes2: 'skipped', join: 'skipped' }).values())).toBe('failed');
  });

  it('a step fed by both ports of a condition runs whichever branch is taken', () => {
    const plan = planOf({ check: [], both: ['check:true', 'check:false'] });
    for (const branch of ['true', 'false'] as const) {
      expect(movesOf(plan, { check: 'succeeded', both: 'pending' }, { check: branch }).ready).toEqual(['both']);
    }
  });

  it('a step on the untaken port that also has an active input runs (one active edge is enough)', () => {
    const plan = planOf({ check: [], x: [], step: ['check:true', 'x'] });
    expect(movesOf(plan, { check: 'succeeded', x: 'succeeded', step: 'pending' }, { check: 'false' }).ready).toEqual(['step']);
    expect(movesOf(plan, { check: 'succeeded', x: 'running', step: 'pending' }, { check: 'false' })).toEqual({ ready: [], skip: [], block: [] });
  });

  it('a condition on an untaken branch is skipped with both of its branches', () => {
    const plan = planOf({ outer: [], inner: ['outer:true'], t: ['inner:true'], f: ['inner:false'], other: ['outer:false'] });
    expect(movesOf(plan, everyStep(plan, 'pending', { outer: 'succeeded' }), { outer: 'false' })).toEqual({
      ready: ['other'],
      skip: ['inner', 't', 'f'],
      block: [],
    });
  });
});

function compiled(input: TSpecInput): TPlan {
  const result = compileSpec(input);
  if (!result.ok) throw new Error(`spec should compile: ${JSON.stringify(result.problems)}`);
  return result.plan;
}

describe('a whole run, simulated over a compiled plan', () => {
  const pipeline = () =>
    compiled(
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

  it('runs parallel branches in waves and succeeds when all steps do', () => {
    const { waves, outcome, status, skipped, blocked } = simulate(pipeline());
    expect(waves).toEqual([['fetch'], ['clean', 'report'], ['features'], ['train'], ['publish']]);
    expect(outcome).toBe('succeeded');
    expect(Object.values(status).every((s) => s === 'succeeded')).toBe(true);
    expect([...skipped, ...blocked]).toEqual([]);
  });

  it('blocks everything downstream of a failure, lets the other branch finish, and fails the run', () => {
    const { status, outcome, blocked, skipped } = simulate(pipeline(), { fail: ['clean'] });
    expect(status).toEqual({
      fetch: 'succeeded',
      clean: 'failed',
      features: 'skipped',
      train: 'skipped',
      report: 'succeeded',
      publish: 'skipped',
    });
    expect(blocked).toEqual(['features', 'train', 'publish']);
    expect(skipped).toEqual([]);
    expect(outcome).toBe('failed');
  });

  it('leaves no step pending when the first step of a long chain fails', () => {
    const plan = compiled(spec(['a', 'b', 'c', 'd'].map((id) => pythonNode(id)), [edge('a', 'b'), edge('b', 'c'), edge('c', 'd')]));
    // The interpreter stops as soon as nothing is ready or running; every step must be final by then.
    const { status, blocked } = simulate(plan, { fail: ['a'] });
    expect(status).toEqual({ a: 'failed', b: 'skipped', c: 'skipped', d: 'skipped' });
    expect(blocked).toEqual(['b', 'c', 'd']);
  });
});

describe('a whole run with a condition, simulated over a compiled plan', () => {
  // train → check ─true→ deploy → smoke
  //               └false→ rollback → cleanup
  // publish ← (deploy, rollback)   archive ← (rollback, cleanup)
  const branching = () =>
    compiled(
      spec(
        [
          pythonNode('train'),
          conditionNode('check', 'steps.train.metrics.accuracy >= params.min_accuracy'),
          ...['deploy', 'smoke', 'rollback', 'cleanup', 'publish', 'archive'].map((id) => pythonNode(id)),
        ],
        [
          edge('train', 'check'),
          branchEdge('check', 'true', 'deploy'),
          branchEdge('check', 'false', 'rollback'),
          edge('deploy', 'smoke'),
          edge('rollback', 'cleanup'),
          edge('deploy', 'publish'),
          edge('rollback', 'publish'),
          edge('rollback', 'archive'),
          edge('cleanup', 'archive'),
        ],
        { parameters: { min_accuracy: 0.9 } },
      ),
    );

  it('runs only the true branch, skips the false branch and the join fed only by it, and succeeds', () => {
    const run = simulate(branching(), { take: { check: 'true' } });
    expect(run.waves).toEqual([['train'], ['check'], ['deploy'], ['smoke', 'publish']]);
    expect(run.skipped).toEqual(['rollback', 'cleanup', 'archive']);
    expect(run.blocked).toEqual([]);
    expect(run.outcome).toBe('succeeded');
  });

  it('runs only the false branch, joins included, and succeeds', () => {
    const run = simulate(branching(), { take: { check: 'false' } });
    expect(run.waves).toEqual([['train'], ['check'], ['rollback'], ['cleanup', 'publish'], ['archive']]);
    expect(run.skipped).toEqual(['deploy', 'smoke']);
    expect(run.outcome).toBe('succeeded');
  });

  it('a failure on the taken branch blocks its descendants, the untaken branch stays skipped, and the run fails', () => {
    const run = simulate(branching(), { take: { check: 'true' }, fail: ['deploy'] });
    expect(run.status).toEqual({
      train: 'succeeded',
      check: 'succeeded',
      deploy: 'failed',
      smoke: 'skipped',
      rollback: 'skipped',
      cleanup: 'skipped',
      publish: 'skipped',
      archive: 'skipped',
    });
    expect(run.skipped).toEqual(['rollback', 'cleanup', 'archive']);
    expect(run.blocked).toEqual(['smoke', 'publish']);
    expect(run.outcome).toBe('failed');
  });

  it('for either branch and any one failing step, ends with no step pending and fails exactly when a step failed', () => {
    const plan = branching();
    for (const branch of ['true', 'false'] as const) {
      for (const failing of [undefined, ...plan.steps.map((s) => s.nodeId)]) {
        const run = simulate(plan, { take: { check: branch }, fail: failing ? [failing] : [] });
        expect(Object.values(run.status).every(isFinalStep)).toBe(true);
        expect(run.outcome).toBe(Object.values(run.status).includes('failed') ? 'failed' : 'succeeded');
      }
    }
  });
});
