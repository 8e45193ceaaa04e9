import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TPlan, TPlanStep, TStepConfigPart } from './plan';
import { initialRunState, reduceRun, runContext, stepsByNode, type TRunCommand, type TRunEvent, type TRunState, type TStepOutcome } from './run-reducer';
import { nextMoves } from './next-moves-reference';
import { isFinalStep, isInFlight, runStatusOf, type TStepStatus } from './statuses';
import { planOf } from './test-specs';

const AT = '2026-01-01T00:00:00.000Z';

type TNodeShape = { deps: number[]; kind: 'pool' | 'gate' | 'condition' | 'foreach'; port: ('true' | 'false')[]; takes: boolean };

/** Random DAGs: each node depends on some earlier ones; conditions, gates and for-each among pool steps. */
const arbPlan = fc
  .record({
    shapes: fc.array(
      fc.record({
        deps: fc.uniqueArray(fc.nat(20), { maxLength: 3 }),
        kind: fc.constantFrom('pool', 'pool', 'gate', 'condition', 'foreach'),
        port: fc.array(fc.constantFrom('true', 'false'), { minLength: 3, maxLength: 3 }),
        takes: fc.boolean(),
      }),
      { minLength: 1, maxLength: 14 },
    ),
    maxParallelism: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ shapes, maxParallelism }): TPlan => {
    const nodes = shapes.map((s, i): TNodeShape => ({ ...s, deps: s.deps.filter((d) => d < i) }) as TNodeShape);
    const ids = nodes.map((_, i) => `n${i}`);
    const deps = Object.fromEntries(
      nodes.map((n, i) => [ids[i]!, n.deps.map((d, k) => (nodes[d]!.kind === 'condition' ? `${ids[d]}:${n.port[k]}` : ids[d]!))]),
    );
    const plan = planOf(deps, maxParallelism);
    const kinds = (n: TNodeShape): TStepConfigPart | undefined =>
      n.kind === 'gate'
        ? { executor: 'approval', config: { instructions: '', timeoutHours: 1 } }
        : n.kind === 'condition'
          ? { executor: 'condition', config: { expression: n.takes ? 'true' : 'false' } }
          : n.kind === 'foreach'
            ? { executor: 'foreach', config: { items: n.takes ? '[1, 2, 3]' : '[]', concurrency: n.port[0] === 'true' ? 2 : 8, step: { kind: 'noop', sleepMs: 0 } } }
            : undefined;
    return { ...plan, steps: plan.steps.map((s, i) => ({ ...s, ...kinds(nodes[i]!) })) };
  });

/** What happens to a run: the order outcomes arrive in, which steps fail, and whether it is cancelled or continues as new. */
const arbScript = fc.record({
  choices: fc.array(fc.nat(1000), { minLength: 1, maxLength: 300 }),
  failEvery: fc.integer({ min: 2, max: 8 }),
  yieldAt: fc.option(fc.nat(30)),
  cancelAt: fc.option(fc.nat(40)),
});

type TScript = { choices: number[]; /** 0: no step fails */ failEvery: number; yieldAt: number | null; cancelAt: number | null };

/** Plays a run to its end as the workflow would, checking the invariants after every event. */
function play(plan: TPlan, script: TScript) {
  const ctx = runContext(plan);
  let state: TRunState = initialRunState(ctx);
  let end: Extract<TRunCommand, { type: 'end' }> | undefined;
  const inFlight: { nodeId: string; executor: TPlanStep['executor']; opened: boolean }[] = [];
  const finalRecorded = new Set<string>();
  const failed = new Set<string>();
  let pick = 0;
  const choose = (n: number) => script.choices[pick++ % script.choices.length]! % n;
  const send = (event: TRunEvent) => {
    const out = reduceRun(ctx, state, event);
    state = out.state;
    for (const c of out.commands) {
      if (c.type === 'record') {
        // records come in the order things happened: nothing after the run's end, no step reopened
        expect(end).toBeUndefined();
        if (c.record.type === 'step') {
          expect(finalRecorded.has(c.record.nodeId)).toBe(false);
          if (isFinalStep(c.record.status)) finalRecorded.add(c.record.nodeId);
        }
      }
      if (c.type === 'start') {
        inFlight.push({ nodeId: c.step.nodeId, executor: c.step.executor, opened: false });
        // the items it may run at once are the slots it holds: at least one, at most its concurrency and max parallelism
        if (c.step.executor === 'foreach') {
          expect(c.concurrency).toBeGreaterThanOrEqual(1);
          expect(c.concurrency).toBeLessThanOrEqual(Math.max(1, Math.min(c.step.config.concurrency, c.items!.length, plan.maxParallelism)));
        }
      }
      if (c.type === 'end') end = c;
      if (c.type === 'continueAsNew') {
        expect(inFlight).toEqual([]);
        state = initialRunState(ctx, stepsByNode(ctx, state)); // the next execution
        send({ type: 'begin', at: AT });
      }
    }
    // (a for-each holds a slot per item it runs at once)
    const slots = state.steps.filter((s) => isInFlight(s.status)).reduce((sum, s) => sum + (s.slots ?? 1), 0);
    expect(slots).toBeLessThanOrEqual(plan.maxParallelism);
  };

  send({ type: 'begin', at: AT });
  let events = 0;
  let cancelling = false;
  while (!end) {
    events++;
    expect(events).toBeLessThan(20 * plan.steps.length + 50); // no run hangs: it ends within a bounded number of events
    if (events === script.yieldAt) send({ type: 'yield', at: AT });
    if (events === script.cancelAt && !cancelling) {
      cancelling = true;
      send({ type: 'cancelRequested', at: AT });
    }
    if (inFlight.length === 0) {
      // nothing in flight and the run still open: only a cancellation may be pending
      expect(cancelling).toBe(true);
      send({ type: 'cancelled', at: AT });
      continue;
    }
    const [step] = inFlight.splice(choose(inFlight.length), 1);
    if (step!.executor === 'approval' && !step!.opened && choose(2) === 0) {
      inFlight.push({ ...step!, opened: true });
      send({ type: 'approvalOpened', nodeId: step!.nodeId, at: AT });
      continue;
    }
    const outcome: TStepOutcome = script.failEvery > 0 && choose(script.failEvery) === 0 ? { status: 'failed', error: 'boom' } : { status: 'succeeded', outputs: { artifacts: {}, metrics: {} } };
    if (outcome.status === 'failed') failed.add(step!.nodeId);
    send({ type: 'stepEnded', nodeId: step!.nodeId, outcome, at: AT });
  }
  return { state, end, finalRecorded, failed, steps: stepsByNode(ctx, state) };
}

/**
 * The reference semantics: waves of nextMoves over the whole plan (the interpreter before the
 * reducer considered only what an event changes), with the same steps failing.
 */
function reference(plan: TPlan, failed: ReadonlySet<string>): Record<string, TStepStatus> {
  const status = new Map<string, TStepStatus>(plan.steps.map((s) => [s.nodeId, 'pending']));
  const branches = new Map<string, string>();
  for (;;) {
    const { ready, skip, block } = nextMoves(plan, status, branches);
    for (const step of [...skip, ...block]) status.set(step.nodeId, 'skipped');
    if (ready.length === 0) return Object.fromEntries(status);
    for (const step of ready) {
      status.set(step.nodeId, failed.has(step.nodeId) ? 'failed' : 'succeeded');
      if (step.executor === 'condition') branches.set(step.nodeId, step.config.expression === 'true' ? 'true' : 'false');
    }
  }
}

describe('reduceRun: properties over random DAGs and outcome orders', () => {
  it('every run ends, every step ends final, the run status is a function of its steps, parallelism holds', () => {
    fc.assert(
      fc.property(arbPlan, arbScript, (plan, script) => {
        const { state, end, finalRecorded } = play(plan, script);
        const statuses = state.steps.map((s) => s.status);
        expect(statuses.every(isFinalStep)).toBe(true);
        expect(finalRecorded.size).toBe(plan.steps.length);
        expect(end!.status).toBe(runStatusOf(statuses));
        if (statuses.includes('failed') && !statuses.includes('cancelled')) expect(end!.status).toBe('failed');
      }),
      { numRuns: 500 },
    );
  });

  it('ends every step as the whole-plan waves of nextMoves would, whatever order the outcomes come in', () => {
    fc.assert(
      fc.property(arbPlan, arbScript, (plan, script) => {
        const { steps, failed } = play(plan, { ...script, cancelAt: null });
        expect(Object.fromEntries(Object.entries(steps).map(([id, s]) => [id, s.status]))).toEqual(reference(plan, failed));
      }),
      { numRuns: 500 },
    );
  });

  it('without failures or cancellation, every step on a taken branch succeeds', () => {
    fc.assert(
      fc.property(arbPlan, arbScript, (plan, script) => {
        const { state, end } = play(plan, { ...script, failEvery: 0, cancelAt: null });
        expect(end!.status).toBe('succeeded');
        expect(state.steps.every((s) => s.status === 'succeeded' || s.status === 'skipped')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
