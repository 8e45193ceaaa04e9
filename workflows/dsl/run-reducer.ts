import { isPoolExecutor, type TExecutor } from './executors';
import { evaluateExpression, isTruthy, parseExpression } from './expression';
import type { TPlan, TStepOf } from './plan';
import type { TAttemptRecord, TRunRecord, TStepAttemptEvent, TStepInputs } from './run-records';
import { finalOutputs, type TStepOutputs } from './run-state';
import { isExecuting, isFinalStep, isInFlight, runStatusOfCounts, statusCounts, type TFinalRunStatus, type TStatusCounts, type TStepOrigin, type TStepStatus } from './statuses';

/** A for-each refuses lists longer than this (each item is an activity or part of a child workflow). */
export const MAX_FOREACH_ITEMS = 10_000;

/**
 * `blocked`: skipped because a step before it failed (its own successors are blocked too);
 * `attempt`: the newest attempt a pool worker reported; `slots`: of the run's max parallelism,
 * how many a running for-each holds (its items at once; one when absent).
 */
export type TStepState = { status: TStepStatus; outputs?: TStepOutputs; error?: string; blocked?: true; attempt?: number; slots?: number };

/**
 * Everything the interpreter knows of a run: serializable, carried across continue-as-new. Arrays
 * are in plan order, so that an event costs what it changes, not the size of the plan (a
 * 1,000-wide fan-out ends 1,000 steps in one activation).
 */
export type TRunState = {
  steps: readonly TStepState[];
  /** per step: its dependencies not final yet (0: it can be considered) */
  remaining: readonly number[];
  /** steps ready to start but held back by max parallelism, as plan indices in plan order */
  ready: readonly number[];
  /** how many steps are in each status (the run's status follows from them) */
  counts: Readonly<TStatusCounts>;
  /** the slots in-flight for-each steps hold beyond their one each (their items run side by side) */
  wide: number;
  /** Temporal suggested continuing as new: start nothing more, continue once nothing is in flight */
  yielding: boolean;
  /** the run is being cancelled: start nothing more */
  stopping: boolean;
  /** the execution is over (ended or continuing as new): events change nothing more */
  closed: boolean;
};

/** What does not change while a run goes: its plan (with its indexes), parameters and the outputs a retry reuses. */
export type TRunContext = {
  plan: TPlan;
  params: Readonly<Record<string, string | number | boolean>>;
  reuse: Readonly<Record<string, TStepOutputs>>;
  /** plan index of each node */
  index: ReadonlyMap<string, number>;
  /** per step: the plan indices of its dependencies and of the steps that depend on it */
  deps: readonly (readonly number[])[];
  dependents: readonly (readonly number[])[];
  /**
   * A for-each holds as many of max parallelism's slots as items it runs at once (its concurrency,
   * at most max parallelism), not one; off when replaying a run that began before (its commands
   * were decided with one slot each).
   */
  foreachSlots: boolean;
};

/** How a step ended, as its runner (or the driver, for a runner that threw) reports it. */
export type TStepOutcome =
  | { status: 'succeeded'; outputs: TStepOutputs; origin?: TStepOrigin; cacheKey?: string; attempt?: TAttemptRecord; inputs?: TStepInputs }
  | { status: 'failed'; error: string }
  | { status: 'cancelled' };

export type TRunEvent =
  /** the first activation of an execution */
  | { type: 'begin'; at: string }
  | { type: 'stepEnded'; nodeId: string; at: string; outcome: TStepOutcome }
  /** an approval gate opened its approval and waits for a decision */
  | { type: 'approvalOpened'; nodeId: string; at: string }
  /** a note on a waiting step (no worker picks it up, its team's GPU quota is full), or null to clear it */
  | { type: 'flagged'; nodeId: string; at: string; flag: string | null }
  | { type: 'attempt'; at: string; event: TStepAttemptEvent }
  /** the history is long: finish what runs, then continue as new */
  | { type: 'yield'; at: string }
  /** the run is being cancelled: start nothing more (outcomes that still arrive count) */
  | { type: 'cancelRequested'; at: string }
  /** the cancelled run's runners have stopped: whatever is still open is cancelled */
  | { type: 'cancelled'; at: string };

/**
 * Start a step on the runner of its executor (a pool activity, a child workflow, an approval); `E`
 * narrows it to some executors. A for-each gets its items, and how many may run at once (the slots
 * it holds; absent in runs that began before for-each steps held slots: its config's concurrency).
 */
export type TStartStep<E extends TExecutor = TExecutor> = { type: 'start'; step: TStepOf<E>; inputs: TStepInputs; items?: unknown[]; concurrency?: number };
export type TRunCommand =
  | TStartStep
  | { type: 'record'; record: TRunRecord }
  | { type: 'continueAsNew' }
  | { type: 'end'; status: TFinalRunStatus; error?: string; outputs: TStepOutputs };

export type TRunStep = { state: TRunState; commands: TRunCommand[] };

/** Steps that hand their upstream outputs on: an approved gate passes the model it approved, a registered or promoted model goes on to deploy. */
const PASS_THROUGH: ReadonlySet<TExecutor> = new Set(['approval', 'condition', 'register_model', 'promote_model']);
const BLOCKED_ERROR = 'Not run: a step before it failed';

export function runContext(plan: TPlan, params: TRunContext['params'] = {}, reuse: TRunContext['reuse'] = {}, foreachSlots = true): TRunContext {
  const index = new Map(plan.steps.map((s, i) => [s.nodeId, i]));
  const deps = plan.steps.map((s) => s.dependsOn.map((d) => index.get(d)!));
  const dependents: number[][] = plan.steps.map(() => []);
  deps.forEach((ds, i) => ds.forEach((d) => dependents[d]!.push(i)));
  return { plan, params, reuse, index, deps, dependents, foreachSlots };
}

/** A new run, or the next execution of one from where its steps stood (`resume`, by node id). */
export function initialRunState(ctx: TRunContext, resume?: Readonly<Record<string, TStepState>>): TRunState {
  const steps = ctx.plan.steps.map((s): TStepState => resume?.[s.nodeId] ?? { status: 'pending' });
  const counts = statusCounts(steps.map((s) => s.status));
  const remaining = ctx.deps.map((ds) => ds.filter((d) => !isFinalStep(steps[d]!.status)).length);
  const wide = steps.reduce((sum, s) => sum + extraSlots(s), 0);
  return { steps, remaining, ready: [], counts, wide, yielding: false, stopping: false, closed: false };
}

/** The slots a step holds beyond one (a running for-each's side-by-side items). */
function extraSlots(step: TStepState): number {
  return isInFlight(step.status) && step.slots ? step.slots - 1 : 0;
}

/** The steps of a state by node id (a query's answer, a continue-as-new's input). */
export const stepsByNode = (ctx: TRunContext, state: TRunState): Record<string, TStepState> =>
  Object.fromEntries(ctx.plan.steps.map((s, i) => [s.nodeId, state.steps[i]!]));

/**
 * The run state machine: `(state, event) → { state, commands }`, pure, no Temporal. Every step
 * ends in a final status; the run ends once none is open, with the status its steps give
 * (`runStatusOfCounts`); at most `plan.maxParallelism` slots are in use (a step holds one, a
 * for-each one per item it runs at once).
 */
export function reduceRun(ctx: TRunContext, state: TRunState, event: TRunEvent): TRunStep {
  if (state.closed) return { state, commands: [] };
  const run = new RunDraft(ctx, state, event.at);
  run.apply(event);
  run.close(event.type === 'begin');
  return { state: run.state(), commands: run.commands };
}

/** One event's work on a copy of the state (the caller's state is never changed). */
class RunDraft {
  readonly commands: TRunCommand[] = [];
  private readonly steps: TStepState[];
  private readonly remaining: number[];
  private ready: number[];
  private readonly counts: TStatusCounts;
  private wide: number;
  private yielding: boolean;
  private stopping: boolean;
  private closed = false;
  private readonly statusBefore: string;

  constructor(
    private readonly ctx: TRunContext,
    state: TRunState,
    private readonly at: string,
  ) {
    this.steps = state.steps.slice();
    this.remaining = state.remaining.slice();
    this.ready = state.ready.slice();
    this.counts = { ...state.counts };
    this.wide = state.wide;
    this.yielding = state.yielding;
    this.stopping = state.stopping;
    this.statusBefore = runStatusOfCounts(this.counts);
  }

  state(): TRunState {
    return { steps: this.steps, remaining: this.remaining, ready: this.ready, counts: this.counts, wide: this.wide, yielding: this.yielding, stopping: this.stopping, closed: this.closed };
  }

  apply(event: TRunEvent): void {
    switch (event.type) {
      case 'begin':
        // every pending step whose dependencies are final (all roots, at a run's start), chosen
        // before any is considered: the steps a settling one makes ready are considered by it
        for (const i of this.steps.flatMap((s, i) => (s.status === 'pending' && this.remaining[i] === 0 ? [i] : []))) this.consider(i);
        return this.startReady();
      case 'stepEnded':
        this.ended(event.nodeId, event.outcome);
        return this.startReady();
      case 'approvalOpened': {
        const i = this.ctx.index.get(event.nodeId);
        if (i === undefined || this.steps[i]!.status !== 'running') return;
        this.set(i, { status: 'waiting_approval' });
        return this.record({ type: 'step', nodeId: event.nodeId, status: 'waiting_approval', at: this.at });
      }
      case 'flagged':
        if (this.isOpen(event.nodeId)) this.record({ type: 'flag', nodeId: event.nodeId, flag: event.flag });
        return;
      case 'attempt':
        return this.attempt(event.event);
      case 'yield':
        this.yielding = true;
        return;
      case 'cancelRequested':
        this.stopping = true;
        return;
      case 'cancelled':
        // everything still open is cancelled, not blocked below what was cancelled first
        this.ready = [];
        this.steps.forEach((s, i) => {
          if (isFinalStep(s.status)) return;
          this.set(i, { status: 'cancelled' });
          this.record({ type: 'step', nodeId: this.ctx.plan.steps[i]!.nodeId, status: 'cancelled', at: this.at });
        });
    }
  }

  /** The end of an execution: the run's status record when it changed, its end, or a continue-as-new. */
  close(begun: boolean): void {
    const status = runStatusOfCounts(this.counts);
    if (status === 'running' || status === 'waiting_approval') {
      if (begun || status !== this.statusBefore) this.record({ type: 'run', status, at: this.at });
      const inFlight = this.counts.running + this.counts.retrying + this.counts.waiting_approval;
      if (this.yielding && !this.stopping && inFlight === 0) {
        this.closed = true;
        this.commands.push({ type: 'continueAsNew' });
      }
      return;
    }
    const failedAt = this.ctx.plan.steps.findIndex((_, i) => this.steps[i]!.status === 'failed');
    const error = status === 'cancelled' ? 'Cancelled' : failedAt >= 0 ? stepFailedMessage(this.ctx.plan.steps[failedAt]!, this.steps[failedAt]!.error) : undefined;
    const outputs = finalOutputs(this.ctx.plan, new Map(this.ctx.plan.steps.flatMap((s, i) => (this.steps[i]!.outputs ? [[s.nodeId, this.steps[i]!.outputs!] as const] : []))));
    this.record({ type: 'finish', status, ...(error ? { error } : {}), at: this.at });
    this.commands.push({ type: 'end', status, ...(error ? { error } : {}), outputs });
    this.closed = true;
  }

  private ended(nodeId: string, outcome: TStepOutcome): void {
    const i = this.ctx.index.get(nodeId);
    // an outcome for a step not in flight (reported twice, or after the run was cancelled) changes nothing
    if (i === undefined || !isInFlight(this.steps[i]!.status)) return;
    if (outcome.status !== 'succeeded') return this.settle(i, outcome.status === 'failed' ? { status: 'failed', error: outcome.error } : { status: 'cancelled' });
    const step = this.ctx.plan.steps[i]!;
    const outputs = PASS_THROUGH.has(step.executor) ? this.passedThrough(i, outcome.outputs) : outcome.outputs;
    const { origin, cacheKey, attempt, inputs } = outcome;
    this.settle(i, { status: 'succeeded', outputs }, { ...(origin ? { origin } : {}), ...(cacheKey ? { cacheKey } : {}), ...(attempt ? { attempt } : {}), ...(inputs ? { inputs } : {}) });
  }

  /**
   * A pool worker's report of an attempt: recorded, and the step shows it running (a retry too) or
   * retrying after a failed attempt that is not its last. A late report of an older attempt (its
   * worker was taken for dead) leaves the step as it is.
   */
  private attempt(report: TStepAttemptEvent): void {
    const i = this.ctx.index.get(report.nodeId);
    // only a pool step that is executing has attempts: a report for anything else (a gate waiting
    // for its decision, a step not started) is not a worker's, and changes nothing
    if (i === undefined || !isPoolExecutor(this.ctx.plan.steps[i]!.executor) || !isExecuting(this.steps[i]!.status)) return;
    this.record({ type: 'attempt', event: report });
    const step = this.steps[i]!;
    if (report.attempt < (step.attempt ?? 0)) return;
    const status = !report.outcome ? 'running' : report.outcome.status === 'failed' && report.attempt < report.maxAttempts ? 'retrying' : undefined;
    if (!status) return; // the attempt that ends the step comes with its outcome
    this.set(i, { ...step, status, attempt: report.attempt });
    this.record({ type: 'step', nodeId: report.nodeId, status, attempts: report.attempt, at: this.at });
  }

  /**
   * A pending step whose dependencies are all final: blocked below a failure, skipped on a branch
   * not taken (no input edge active), settled at once (a condition, reused outputs), or ready.
   */
  private consider(i: number): void {
    const step = this.ctx.plan.steps[i]!;
    const deps = this.ctx.deps[i]!;
    if (deps.some((d) => this.isBroken(d))) return this.settle(i, { status: 'skipped', error: BLOCKED_ERROR, blocked: true });
    const active =
      step.inputs.length === 0 ||
      step.inputs.some((edge) => {
        const from = this.steps[this.ctx.index.get(edge.fromNode)!]!;
        return from.status === 'succeeded' && (from.outputs?.branch === undefined || from.outputs.branch === edge.fromPort);
      });
    if (!active) return this.settle(i, { status: 'skipped' });
    // a retried run may reuse pool steps' outputs (interpreter steps and gates always run again)
    const reused = isPoolExecutor(step.executor) ? this.ctx.reuse[step.nodeId] : undefined;
    if (reused) return this.settle(i, { status: 'succeeded', outputs: reused }, { origin: 'reused' });
    if (step.executor === 'condition') return this.condition(i, step);
    // in plan order, so that max parallelism starts steps in the order the plan lists them
    let at = this.ready.length;
    while (at > 0 && this.ready[at - 1]! > i) at--;
    this.ready.splice(at, 0, i);
  }

  /**
   * Starts ready steps, in plan order, while slots are free (none while yielding or cancelling): a
   * step takes one, a for-each as many as items it will run at once (its concurrency, of the slots
   * free as it starts: it never waits for more).
   */
  private startReady(): void {
    const max = this.ctx.plan.maxParallelism;
    while (this.ready.length > 0 && !this.yielding && !this.stopping) {
      const inUse = this.counts.running + this.counts.retrying + this.counts.waiting_approval + this.wide;
      if (inUse >= max) return;
      const i = this.ready[0]!;
      const step = this.ctx.plan.steps[i]!;
      if (step.executor !== 'foreach') {
        this.ready.shift();
        this.start(i, step);
        continue;
      }
      const listed = this.items(step);
      if ('error' in listed) {
        this.ready.shift();
        this.settle(i, { status: 'failed', error: listed.error });
        continue;
      }
      const slots = this.ctx.foreachSlots ? Math.max(1, Math.min(step.config.concurrency, listed.items.length, max - inUse)) : undefined;
      this.ready.shift();
      this.start(i, step, { items: listed.items, ...(slots !== undefined ? { concurrency: slots } : {}) });
    }
  }

  /** A for-each's list, evaluated as it starts. */
  private items(step: TStepOf<'foreach'>): { items: unknown[] } | { error: string } {
    const listed = this.evaluate(step.config.items);
    if (!listed.ok) return { error: `Items: ${listed.error}` };
    if (!Array.isArray(listed.value)) return { error: 'Items: the expression must give a list' };
    if (listed.value.length > MAX_FOREACH_ITEMS) return { error: `Items: ${listed.value.length} items, at most ${MAX_FOREACH_ITEMS}` };
    return { items: listed.value };
  }

  private start(i: number, step: TStepOf, foreach?: { items: unknown[]; concurrency?: number }): void {
    this.set(i, { status: 'running', ...(foreach?.concurrency && foreach.concurrency > 1 ? { slots: foreach.concurrency } : {}) });
    this.record({ type: 'step', nodeId: step.nodeId, status: 'running', at: this.at });
    const inputs: TStepInputs = Object.fromEntries(step.dependsOn.map((dep) => [dep, this.steps[this.ctx.index.get(dep)!]!.outputs?.artifacts ?? {}]));
    this.commands.push({ type: 'start', step, inputs, ...foreach });
  }

  /** A condition takes its `true` or `false` port at once; an expression that cannot be evaluated fails it. */
  private condition(i: number, step: TStepOf<'condition'>): void {
    const evaluated = this.evaluate(step.config.expression);
    if (!evaluated.ok) return this.settle(i, { status: 'failed', error: `Condition failed: ${evaluated.error}` });
    this.settle(i, { status: 'succeeded', outputs: this.passedThrough(i, { artifacts: {}, metrics: {}, branch: isTruthy(evaluated.value) ? 'true' : 'false' }) });
  }

  /** What an expression may read: the finished steps' statuses, metrics and outputs, and the parameters. */
  private evaluate(source: string): { ok: true; value: unknown } | { ok: false; error: string } {
    const parsed = parseExpression(source);
    if (!parsed.ok) return { ok: false, error: parsed.error.message };
    const steps = Object.fromEntries(
      this.ctx.plan.steps.flatMap((s, i) => {
        const own = this.steps[i]!;
        return own.outputs ? [[s.nodeId, { status: own.status, metrics: own.outputs.metrics, outputs: own.outputs.artifacts }]] : [];
      }),
    );
    const evaluated = evaluateExpression(parsed.ast, { steps, params: this.ctx.params });
    return evaluated.ok ? { ok: true, value: evaluated.value } : { ok: false, error: evaluated.error.message };
  }

  /** The step's own outputs over the artifacts of the steps before it (later dependencies win a name). */
  private passedThrough(i: number, own: TStepOutputs): TStepOutputs {
    const artifacts = Object.assign({}, ...this.ctx.deps[i]!.map((d) => this.steps[d]!.outputs?.artifacts ?? {}), own.artifacts) as TStepOutputs['artifacts'];
    return { ...own, artifacts };
  }

  /** A step reaches its final status: recorded, and the steps waiting on it considered once it was their last. */
  private settle(i: number, final: TStepState, extra: Partial<Extract<TRunRecord, { type: 'step' }>> = {}): void {
    this.set(i, final);
    const { status, error, outputs } = final;
    this.record({ type: 'step', nodeId: this.ctx.plan.steps[i]!.nodeId, status, at: this.at, ...(error ? { error } : {}), ...(outputs ? { outputs } : {}), ...extra });
    for (const d of this.ctx.dependents[i]!) {
      this.remaining[d] = this.remaining[d]! - 1;
      if (this.remaining[d] === 0 && this.steps[d]!.status === 'pending') this.consider(d);
    }
  }

  private set(i: number, next: TStepState): void {
    const before = this.steps[i]!;
    this.counts[before.status]--;
    this.counts[next.status]++;
    this.wide += extraSlots(next) - extraSlots(before);
    this.steps[i] = next;
  }

  /** failed, cancelled, or skipped below a failure: what is below it cannot run */
  private isBroken(i: number): boolean {
    const s = this.steps[i]!;
    return s.status === 'failed' || s.status === 'cancelled' || s.blocked === true;
  }

  private isOpen(nodeId: string): boolean {
    const i = this.ctx.index.get(nodeId);
    return i !== undefined && !isFinalStep(this.steps[i]!.status);
  }

  private record(record: TRunRecord): void {
    this.commands.push({ type: 'record', record });
  }
}

/** The run's error: the first failed step, by its label as the canvas shows it, and why, in one line. */
export function stepFailedMessage(step: { nodeId: string; label: string }, error: string | undefined): string {
  const why = error?.split('\n').find((line) => line.trim())?.trim();
  const head = `Step "${step.label || step.nodeId}" failed`;
  return why ? `${head}: ${why.length > 300 ? `${why.slice(0, 299)}…` : why}` : head;
}
