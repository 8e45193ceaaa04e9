import { evaluateExpression, isTruthy, parseExpression } from './expression';
import type { TPlan, TPlanStep } from './plan';
import type { TAttemptRecord, TRunRecord, TStepAttemptEvent, TStepInputs } from './run-records';
import { finalOutputs, nextMoves, type TStepOutputs } from './run-state';
import { isFinalStep, isInFlight, runStatusOf, type TFinalRunStatus, type TStepOrigin, type TStepStatus } from './statuses';

/** A for-each refuses lists longer than this (each item is an activity or part of a child workflow). */
export const MAX_FOREACH_ITEMS = 10_000;

export type TStepState = { status: TStepStatus; outputs?: TStepOutputs; error?: string };

/** Everything the interpreter knows of a run: serializable, carried across continue-as-new. */
export type TRunState = {
  steps: Readonly<Record<string, TStepState>>;
  /** Temporal suggested continuing as new: start nothing more, continue once nothing is in flight */
  yielding: boolean;
  /** the run is being cancelled: start nothing more */
  stopping: boolean;
  /** the execution is over (ended or continuing as new): events change nothing more */
  closed: boolean;
};

/** What does not change while a run goes: its plan, parameters and the outputs a retry reuses. */
export type TRunContext = {
  plan: TPlan;
  params: Readonly<Record<string, string | number | boolean>>;
  reuse: Readonly<Record<string, TStepOutputs>>;
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

/** Start a step on the runner of its executor (a pool activity, a child workflow, an approval). */
export type TStartStep = { type: 'start'; step: TPlanStep; inputs: TStepInputs; items?: unknown[] };
export type TRunCommand =
  | TStartStep
  | { type: 'record'; record: TRunRecord }
  | { type: 'continueAsNew' }
  | { type: 'end'; status: TFinalRunStatus; error?: string; outputs: TStepOutputs };

export type TRunStep = { state: TRunState; commands: TRunCommand[] };

/** Pool steps a retried run may reuse (interpreter steps and gates always run again). */
const REUSABLE: ReadonlySet<TPlanStep['executor']> = new Set(['python', 'shell', 'noop']);
/** Steps that hand their upstream outputs on: an approved gate passes the model it approved. */
const PASS_THROUGH: ReadonlySet<TPlanStep['executor']> = new Set(['approval', 'condition']);

export function initialRunState(plan: TPlan, resume?: Readonly<Record<string, TStepState>>): TRunState {
  return { steps: Object.fromEntries(plan.steps.map((s) => [s.nodeId, resume?.[s.nodeId] ?? { status: 'pending' }])), yielding: false, stopping: false, closed: false };
}

/**
 * The run state machine: `(state, event) → { state, commands }`, pure, no Temporal. Every step
 * ends in a final status; the run ends once none is open, with the status its steps give
 * (`runStatusOf`); at most `plan.maxParallelism` steps are in flight.
 */
export function reduceRun(ctx: TRunContext, state: TRunState, event: TRunEvent): TRunStep {
  if (state.closed) return { state, commands: [] };
  const run = new RunDraft(ctx, state);
  run.apply(event);
  if (event.type !== 'cancelled') run.advance(event.at);
  run.close(event.at, event.type === 'begin');
  return { state: run.state(), commands: run.commands };
}

/** One event's work on a copy of the state (the caller's state is never changed). */
class RunDraft {
  readonly commands: TRunCommand[] = [];
  private readonly steps: Record<string, TStepState>;
  private readonly byId: ReadonlyMap<string, TPlanStep>;
  private yielding: boolean;
  private stopping: boolean;
  private closed = false;
  private readonly statusBefore: string;

  constructor(
    private readonly ctx: TRunContext,
    state: TRunState,
  ) {
    this.steps = { ...state.steps };
    this.yielding = state.yielding;
    this.stopping = state.stopping;
    this.byId = new Map(ctx.plan.steps.map((s) => [s.nodeId, s]));
    this.statusBefore = runStatusOf(this.statuses());
  }

  state(): TRunState {
    return { steps: this.steps, yielding: this.yielding, stopping: this.stopping, closed: this.closed };
  }

  apply(event: TRunEvent): void {
    switch (event.type) {
      case 'begin':
        return;
      case 'stepEnded':
        return this.ended(event.nodeId, event.outcome, event.at);
      case 'approvalOpened': {
        if (this.steps[event.nodeId]?.status !== 'running') return;
        this.steps[event.nodeId] = { status: 'waiting_approval' };
        return this.record({ type: 'step', nodeId: event.nodeId, status: 'waiting_approval', at: event.at });
      }
      case 'flagged':
        if (this.isOpen(event.nodeId)) this.record({ type: 'flag', nodeId: event.nodeId, flag: event.flag });
        return;
      case 'attempt':
        if (this.isOpen(event.event.nodeId)) this.record({ type: 'attempt', event: event.event });
        return;
      case 'yield':
        this.yielding = true;
        return;
      case 'cancelRequested':
        this.stopping = true;
        return;
      case 'cancelled':
        for (const step of this.ctx.plan.steps) {
          if (isFinalStep(this.steps[step.nodeId]!.status)) continue;
          this.steps[step.nodeId] = { status: 'cancelled' };
          this.record({ type: 'step', nodeId: step.nodeId, status: 'cancelled', at: event.at });
        }
    }
  }

  /**
   * Skips and blocks what can no longer run and starts what is ready (up to max parallelism),
   * again while steps settle at once (conditions, reused outputs, bad for-each lists).
   */
  advance(now: string): void {
    for (;;) {
      const status = new Map(Object.entries(this.steps).map(([id, s]) => [id, s.status]));
      const branches = new Map(Object.entries(this.steps).flatMap(([id, s]) => (s.outputs?.branch ? [[id, s.outputs.branch] as const] : [])));
      const moves = nextMoves(this.ctx.plan, status, branches);
      for (const step of moves.skip) this.settle(step.nodeId, { status: 'skipped' }, now);
      for (const step of moves.block) this.settle(step.nodeId, { status: 'skipped', error: 'Not run: a step before it failed' }, now);
      let inFlight = [...status.values()].filter(isInFlight).length;
      let settled = false;
      for (const step of moves.ready) {
        const reused = REUSABLE.has(step.executor) ? this.ctx.reuse[step.nodeId] : undefined;
        if (step.executor === 'condition') settled = this.condition(step, now) || settled;
        else if (reused) {
          this.steps[step.nodeId] = { status: 'succeeded', outputs: reused };
          this.record({ type: 'step', nodeId: step.nodeId, status: 'succeeded', origin: 'reused', outputs: reused, at: now });
          settled = true;
        } else if (!this.yielding && !this.stopping && inFlight < this.ctx.plan.maxParallelism) {
          if (this.start(step, now)) inFlight++;
          else settled = true;
        }
      }
      if (!settled) return;
    }
  }

  /** The end of an execution: the run's status record when it changed, its end, or a continue-as-new. */
  close(at: string, begun: boolean): void {
    const statuses = this.statuses();
    const status = runStatusOf(statuses);
    if (status === 'running' || status === 'waiting_approval') {
      if (begun || status !== this.statusBefore) this.record({ type: 'run', status, at });
      if (this.yielding && !this.stopping && !statuses.some(isInFlight)) {
        this.closed = true;
        this.commands.push({ type: 'continueAsNew' });
      }
      return;
    }
    const failed = this.ctx.plan.steps.find((s) => this.steps[s.nodeId]!.status === 'failed');
    const error = status === 'cancelled' ? 'Cancelled' : failed ? `Step "${failed.nodeId}" failed` : undefined;
    const outputs = finalOutputs(this.ctx.plan, new Map(Object.entries(this.steps).flatMap(([id, s]) => (s.outputs ? [[id, s.outputs] as const] : []))));
    this.record({ type: 'finish', status, ...(error ? { error } : {}), at });
    this.commands.push({ type: 'end', status, ...(error ? { error } : {}), outputs });
    this.closed = true;
  }

  private ended(nodeId: string, outcome: TStepOutcome, at: string): void {
    const step = this.byId.get(nodeId);
    // an outcome for a step not in flight (reported twice, or after the run was cancelled) changes nothing
    if (!step || !isInFlight(this.steps[nodeId]!.status)) return;
    if (outcome.status !== 'succeeded') {
      return this.settle(nodeId, outcome.status === 'failed' ? { status: 'failed', error: outcome.error } : { status: 'cancelled' }, at);
    }
    const outputs = PASS_THROUGH.has(step.executor) ? this.passedThrough(step, outcome.outputs) : outcome.outputs;
    this.steps[nodeId] = { status: 'succeeded', outputs };
    const { origin, cacheKey, attempt, inputs } = outcome;
    this.record({
      type: 'step',
      nodeId,
      status: 'succeeded',
      outputs,
      at,
      ...(origin ? { origin } : {}),
      ...(cacheKey ? { cacheKey } : {}),
      ...(attempt ? { attempt } : {}),
      ...(inputs ? { inputs } : {}),
    });
  }

  /** Starts a step; false when it settled at once instead (a for-each whose list is not usable). */
  private start(step: TPlanStep, at: string): boolean {
    let items: unknown[] | undefined;
    if (step.executor === 'foreach') {
      const listed = this.evaluate(step.config.items);
      const error = !listed.ok
        ? `Items: ${listed.error}`
        : !Array.isArray(listed.value)
          ? 'Items: the expression must give a list'
          : listed.value.length > MAX_FOREACH_ITEMS
            ? `Items: ${listed.value.length} items, at most ${MAX_FOREACH_ITEMS}`
            : undefined;
      if (error) {
        this.settle(step.nodeId, { status: 'failed', error }, at);
        return false;
      }
      items = (listed as { value: unknown[] }).value;
    }
    this.steps[step.nodeId] = { status: 'running' };
    this.record({ type: 'step', nodeId: step.nodeId, status: 'running', at });
    const inputs: TStepInputs = Object.fromEntries(step.dependsOn.map((dep) => [dep, this.steps[dep]?.outputs?.artifacts ?? {}]));
    this.commands.push({ type: 'start', step, inputs, ...(items ? { items } : {}) });
    return true;
  }

  /** A condition takes its `true` or `false` port at once; an expression that cannot be evaluated fails it. */
  private condition(step: TPlanStep, at: string): true {
    const evaluated = this.evaluate(step.config.expression);
    if (!evaluated.ok) {
      this.settle(step.nodeId, { status: 'failed', error: `Condition failed: ${evaluated.error}` }, at);
      return true;
    }
    const outputs = this.passedThrough(step, { artifacts: {}, metrics: {}, branch: isTruthy(evaluated.value) ? 'true' : 'false' });
    this.steps[step.nodeId] = { status: 'succeeded', outputs };
    this.record({ type: 'step', nodeId: step.nodeId, status: 'succeeded', outputs, at });
    return true;
  }

  /** What an expression may read: the finished steps' statuses, metrics and outputs, and the parameters. */
  private evaluate(source: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
    const parsed = parseExpression(String(source ?? ''));
    if (!parsed.ok) return { ok: false, error: parsed.error.message };
    const steps = Object.fromEntries(
      Object.entries(this.steps).flatMap(([id, s]) => (s.outputs ? [[id, { status: s.status, metrics: s.outputs.metrics, outputs: s.outputs.artifacts }]] : [])),
    );
    const evaluated = evaluateExpression(parsed.ast, { steps, params: this.ctx.params });
    return evaluated.ok ? { ok: true, value: evaluated.value } : { ok: false, error: evaluated.error.message };
  }

  /** The step's own outputs over the artifacts of the steps before it (later dependencies win a name). */
  private passedThrough(step: TPlanStep, own: TStepOutputs): TStepOutputs {
    const artifacts = Object.assign({}, ...step.dependsOn.map((dep) => this.steps[dep]?.outputs?.artifacts ?? {}), own.artifacts) as TStepOutputs['artifacts'];
    return { ...own, artifacts };
  }

  private settle(nodeId: string, final: TStepState & { status: 'failed' | 'skipped' | 'cancelled' }, at: string): void {
    this.steps[nodeId] = final;
    this.record({ type: 'step', nodeId, status: final.status, at, ...(final.error ? { error: final.error } : {}) });
  }

  private isOpen(nodeId: string): boolean {
    const step = this.steps[nodeId];
    return step !== undefined && !isFinalStep(step.status);
  }

  private statuses(): TStepStatus[] {
    return Object.values(this.steps).map((s) => s.status);
  }

  private record(record: TRunRecord): void {
    this.commands.push({ type: 'record', record });
  }
}
