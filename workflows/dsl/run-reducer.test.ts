import { describe, expect, it } from 'vitest';
import type { TPlan, TStepConfigPart } from './plan';
import { initialRunState, reduceRun, runContext, stepsByNode, type TRunCommand, type TRunContext, type TRunEvent, type TRunState, type TStepOutcome } from './run-reducer';
import type { TRunRecord } from './run-records';
import { planOf } from './test-specs';

const AT = '2026-01-01T00:00:00.000Z';
const ok = (artifacts: Record<string, string> = {}): TStepOutcome => ({
  status: 'succeeded',
  outputs: { artifacts: Object.fromEntries(Object.entries(artifacts).map(([name, hash]) => [name, { hash, size: 1 }])), metrics: {} },
});

/** A plan from planOf with some steps turned into other executors (config as the compiler leaves it). */
export function withKinds(plan: TPlan, kinds: Record<string, TStepConfigPart>): TPlan {
  return {
    ...plan,
    steps: plan.steps.map((s) => {
      const part = kinds[s.nodeId];
      return part ? { ...s, ...part, kind: part.executor } : s;
    }),
  };
}
export const gate = { executor: 'approval', config: { instructions: '', timeoutHours: 1 } } as const;
export const condition = (expression: string) => ({ executor: 'condition', config: { expression } }) as const;

/** Drives the reducer like the workflow does, collecting what it asks for. */
class Harness {
  state: TRunState;
  readonly started: string[] = [];
  readonly records: TRunRecord[] = [];
  end: Extract<TRunCommand, { type: 'end' | 'continueAsNew' }> | undefined;
  private readonly ctx: TRunContext;

  constructor(plan: TPlan, extra: Partial<Pick<TRunContext, 'params' | 'reuse' | 'foreachSlots'>> = {}) {
    this.ctx = runContext(plan, extra.params, extra.reuse, extra.foreachSlots);
    this.state = initialRunState(this.ctx);
  }

  get steps() {
    return stepsByNode(this.ctx, this.state);
  }

  send(event: TRunEvent): TRunCommand[] {
    const { state, commands } = reduceRun(this.ctx, this.state, event);
    this.state = state;
    for (const c of commands) {
      if (c.type === 'start') this.started.push(c.step.nodeId);
      else if (c.type === 'record') this.records.push(c.record);
      else this.end = c;
    }
    return commands;
  }

  begin = () => this.send({ type: 'begin', at: AT });
  finish = (nodeId: string, outcome: TStepOutcome = ok()) => this.send({ type: 'stepEnded', nodeId, outcome, at: AT });
  status = (nodeId: string) => this.steps[nodeId]?.status;
  startCommand = (commands: TRunCommand[], nodeId: string) => commands.find((c): c is Extract<TRunCommand, { type: 'start' }> => c.type === 'start' && c.step.nodeId === nodeId);
}

describe('reduceRun: a chain', () => {
  it('starts the root, then each step once the one before succeeded, and ends succeeded with the last outputs', () => {
    const run = new Harness(planOf({ a: [], b: ['a'], c: ['b'] }));
    run.begin();
    expect(run.started).toEqual(['a']);
    run.finish('a');
    run.finish('b', ok({ model: 'h1' }));
    expect(run.started).toEqual(['a', 'b', 'c']);
    run.finish('c', ok({ report: 'h2' }));
    expect(run.end).toMatchObject({ type: 'end', status: 'succeeded', outputs: { artifacts: { report: { hash: 'h2' } } } });
    expect(run.records.at(-1)).toMatchObject({ type: 'finish', status: 'succeeded' });
    expect(run.state.closed).toBe(true);
  });

  it('hands each step its upstream outputs', () => {
    const run = new Harness(planOf({ a: [], b: ['a'] }));
    run.begin();
    const commands = run.finish('a', ok({ data: 'h' }));
    expect(run.startCommand(commands, 'b')?.inputs).toEqual({ a: { data: { hash: 'h', size: 1 } } });
  });

  it('a failure skips what is below it and fails the run naming the step', () => {
    const run = new Harness(planOf({ a: [], b: ['a'], c: ['b'] }));
    run.begin();
    run.finish('a', { status: 'failed', error: 'boom' });
    expect(run.status('b')).toBe('skipped');
    expect(run.end).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Step "a" failed/) });
    expect(run.records).toContainEqual(expect.objectContaining({ type: 'step', nodeId: 'a', status: 'failed', error: 'boom' }));
  });

  it('a duplicate or late outcome changes nothing', () => {
    const run = new Harness(planOf({ a: [], b: ['a'] }));
    run.begin();
    run.finish('a');
    expect(run.finish('a', { status: 'failed', error: 'late' })).toEqual([]);
    expect(run.status('a')).toBe('succeeded');
  });

  it('the first event records the run running (its start); later events only when its status changes', () => {
    const run = new Harness(planOf({ a: [], b: ['a'] }));
    run.begin();
    expect(run.records[0]).toEqual({ type: 'step', nodeId: 'a', status: 'running', at: AT });
    expect(run.records.filter((r) => r.type === 'run')).toEqual([{ type: 'run', status: 'running', at: AT }]);
    run.finish('a');
    expect(run.records.filter((r) => r.type === 'run')).toHaveLength(1);
  });
});

describe('reduceRun: parallelism', () => {
  it('starts at most maxParallelism steps, and the next as one ends', () => {
    const run = new Harness(planOf({ a: [], b: [], c: [], d: [] }, 2));
    run.begin();
    expect(run.started).toEqual(['a', 'b']);
    run.finish('b');
    expect(run.started).toEqual(['a', 'b', 'c']);
  });
});

describe('reduceRun: gates and conditions pass their upstream outputs through', () => {
  it('train → approve → deploy: deploy reads the approved model through the gate', () => {
    const run = new Harness(withKinds(planOf({ train: [], approve: ['train'], deploy: ['approve'] }), { approve: gate }));
    run.begin();
    run.finish('train', ok({ model: 'm1' }));
    run.send({ type: 'approvalOpened', nodeId: 'approve', at: AT });
    expect(run.status('approve')).toBe('waiting_approval');
    expect(run.records.filter((r) => r.type === 'run').map((r) => r.status)).toEqual(['running', 'waiting_approval']);
    const commands = run.finish('approve');
    expect(run.startCommand(commands, 'deploy')?.inputs).toEqual({ approve: { model: { hash: 'm1', size: 1 } } });
    expect(run.records.filter((r) => r.type === 'run').map((r) => r.status)).toEqual(['running', 'waiting_approval', 'running']);
  });

  it('a condition takes its branch at once, passes the artifacts on, and skips the other branch', () => {
    const plan = withKinds(planOf({ train: [], check: ['train'], yes: ['check:true'], no: ['check:false'] }), {
      check: condition('steps.train.metrics.accuracy >= params.min'),
    });
    const run = new Harness(plan, { params: { min: 0.5 } });
    run.begin();
    const commands = run.finish('train', { status: 'succeeded', outputs: { artifacts: { model: { hash: 'm', size: 1 } }, metrics: { accuracy: 0.9 } } });
    expect(run.status('check')).toBe('succeeded');
    expect(run.status('no')).toBe('skipped');
    expect(run.startCommand(commands, 'yes')?.inputs).toEqual({ check: { model: { hash: 'm', size: 1 } } });
  });

  it('a condition that cannot be evaluated fails', () => {
    const run = new Harness(withKinds(planOf({ a: [], check: ['a'], b: ['check:true'] }), { check: condition('steps.a.metrics.nope > 1') }));
    run.begin();
    run.finish('a');
    expect(run.status('check')).toBe('failed');
    expect(run.end).toMatchObject({ status: 'failed' });
  });
});

describe('reduceRun: for-each, reuse, cancel, continue-as-new', () => {
  it('a for-each gets its evaluated items; a list that is not one fails the step at once', () => {
    const each = (items: string) => ({ executor: 'foreach', config: { items, concurrency: 2, step: { kind: 'noop', sleepMs: 0 } } }) as const;
    const good = new Harness(withKinds(planOf({ f: [] }), { f: each('[1, 2, 3]') }));
    expect(good.startCommand(good.begin(), 'f')?.items).toEqual([1, 2, 3]);
    const bad = new Harness(withKinds(planOf({ f: [] }), { f: each('42') }));
    bad.begin();
    expect(bad.end).toMatchObject({ status: 'failed' });
    expect(bad.records).toContainEqual(expect.objectContaining({ nodeId: 'f', status: 'failed', error: 'Items: the expression must give a list' }));
  });

  it('a for-each holds a slot of max parallelism per item it runs at once, of those free as it starts: steps behind it wait for them', () => {
    const each = { executor: 'foreach', config: { items: '[1, 2, 3, 4, 5]', concurrency: 4, step: { kind: 'noop', sleepMs: 0 } } } as const;
    const plan = withKinds(planOf({ a: [], f: [], b: [] }, 3), { f: each });
    const run = new Harness(plan);
    const first = run.begin();
    // a holds one slot, f the two left (its concurrency of 4, within max parallelism 3); b waits
    expect(run.started).toEqual(['a', 'f']);
    expect(run.startCommand(first, 'f')?.concurrency).toBe(2);
    run.finish('a');
    expect(run.started).toEqual(['a', 'f', 'b']);
    // alone, it takes no more than max parallelism
    const alone = new Harness(withKinds(planOf({ f: [] }, 3), { f: each }));
    expect(alone.startCommand(alone.begin(), 'f')?.concurrency).toBe(3);
    // a run that began before for-each steps held slots: one slot, its own concurrency
    const before = new Harness(plan, { foreachSlots: false });
    const commands = before.begin();
    expect(before.started).toEqual(['a', 'f', 'b']);
    expect(before.startCommand(commands, 'f')?.concurrency).toBeUndefined();
  });

  it('a retried run reuses the outputs of pool steps that succeeded', () => {
    const reused = { artifacts: { x: { hash: 'h', size: 1 } }, metrics: {} };
    const run = new Harness(planOf({ a: [], b: ['a'] }), { reuse: { a: reused } });
    run.begin();
    expect(run.started).toEqual(['b']);
    expect(run.records).toContainEqual({ type: 'step', nodeId: 'a', status: 'succeeded', origin: 'reused', outputs: reused, at: AT });
  });

  it('cancel: starts nothing more, keeps outcomes that still arrive, then cancels what is open', () => {
    const run = new Harness(planOf({ a: [], b: [], c: ['a'] }));
    run.begin();
    run.send({ type: 'cancelRequested', at: AT });
    run.finish('a');
    expect(run.started).toEqual(['a', 'b']);
    run.send({ type: 'cancelled', at: AT });
    expect(run.steps).toMatchObject({ a: { status: 'succeeded' }, b: { status: 'cancelled' }, c: { status: 'cancelled' } });
    expect(run.end).toMatchObject({ status: 'cancelled', error: 'Cancelled' });
  });

  it('yield: finishes what runs, then continues as new; the new execution goes on from the carried steps', () => {
    const plan = planOf({ a: [], b: ['a'] });
    const run = new Harness(plan);
    run.begin();
    run.send({ type: 'yield', at: AT });
    run.finish('a');
    expect(run.end).toEqual({ type: 'continueAsNew' });
    expect(run.started).toEqual(['a']);
    const next = new Harness(plan);
    next.state = initialRunState(runContext(plan), run.steps);
    next.begin();
    expect(next.started).toEqual(['b']);
  });
});

describe('reduceRun: attempts reported by pool workers', () => {
  const report = (attempt: number, outcome?: 'failed') => ({
    type: 'attempt' as const,
    at: AT,
    event: { nodeId: 'a', attempt, maxAttempts: 3, phase: outcome ? ('finished' as const) : ('started' as const), at: AT, workerIdentity: 'w', ...(outcome ? { outcome: { status: outcome, exitCode: 1, log: '' } } : {}) },
  });

  it('a failed attempt that is not the last shows the step retrying, the next one running again', () => {
    const run = new Harness(planOf({ a: [] }));
    run.begin();
    run.send(report(1, 'failed'));
    expect(run.status('a')).toBe('retrying');
    run.send(report(2));
    expect(run.status('a')).toBe('running');
    expect(run.records.filter((r) => r.type === 'step').map((r) => [r.type === 'step' && r.status, r.type === 'step' && r.attempts])).toEqual([
      ['running', undefined],
      ['retrying', 1],
      ['running', 2],
    ]);
    expect(run.records.filter((r) => r.type === 'attempt')).toHaveLength(2);
  });

  it('a late report of an older attempt is recorded but leaves the step as it is', () => {
    const run = new Harness(planOf({ a: [] }));
    run.begin();
    run.send(report(2));
    run.send(report(1, 'failed'));
    expect(run.status('a')).toBe('running');
  });

  it('a report for a step that is not executing on a pool (a waiting gate, a pending step) changes nothing', () => {
    const run = new Harness(withKinds(planOf({ a: [], gate: ['a'], b: ['gate'] }), { gate }));
    run.begin();
    run.finish('a');
    run.send({ type: 'approvalOpened', nodeId: 'gate', at: AT });
    const before = run.records.length;
    for (const nodeId of ['gate', 'b']) run.send({ ...report(1, 'failed'), event: { ...report(1, 'failed').event, nodeId } });
    expect(run.status('gate')).toBe('waiting_approval');
    expect(run.status('b')).toBe('pending');
    expect(run.records).toHaveLength(before);
  });
});
