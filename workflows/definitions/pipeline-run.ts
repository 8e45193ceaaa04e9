import { CancellationScope, condition, continueAsNew, isCancellation, patched, setHandler, Trigger, workflowInfo } from '@temporalio/workflow';
import type { TStepInputs } from '../activities/types';
import type { TPlanStep, TStepOutputs, TStepStatus } from '../dsl';
import { finalOutputs, nextMoves, runOutcome } from '../dsl/run-state';
import { runSubpipelineStep } from './subpipeline-step';
import { runConditionStep } from './condition-step';
import { runForeachStep } from './foreach-step';
import { runApprovalGate } from './approval-gate';
import { control, controlLocal } from './control-activities';
import {
  approvalDecisionSignal,
  stepAttemptSignal,
  stepStatusQuery,
  type TApprovalDecision,
  type TPipelineRunInput,
  type TPipelineRunResult,
} from './messages';
import { QueueWatch } from './queue-watch';
import { QuotaGate } from './quota-gate';
import { atActivationEnd } from './activation-end';
import { liveRecords } from './live-records';
import { RECORD_BATCH_MS, RunRecorder } from './recorder';
import { runActivityStep, type TStepOutcome, type TStepRunContext } from './step-runner';

/**
 * Patch id: runs that began with it advance on each step's outcome (see `advance`) and write
 * their records through the control worker's live writer (a sink) instead of batches by timer.
 */
const EVENT_DRIVEN_LIVE_RECORDS = 'event-driven-live-records';

/**
 * The pipeline interpreter: executes a compiled plan. Starts every ready step (bounded by the
 * plan's max parallelism) as soon as what it needs has finished, hands its records to the control
 * worker's live writer (a drain at the end makes them durable), stops at approval gates until a
 * decision arrives, and continues-as-new when Temporal suggests it. Reads no database: the plan
 * is its input.
 */
export async function pipelineRun(input: TPipelineRunInput): Promise<TPipelineRunResult> {
  const { plan } = input;
  const status = new Map<string, TStepStatus>(plan.steps.map((s) => [s.nodeId, input.resume?.status[s.nodeId] ?? 'pending']));
  const outputs = new Map<string, TStepOutputs>(Object.entries(input.resume?.outputs ?? {}));
  const decisions = new Map<string, TApprovalDecision>();
  setHandler(approvalDecisionSignal, (decision) => {
    if (!decisions.has(decision.approvalId)) decisions.set(decision.approvalId, decision);
  });
  setHandler(stepStatusQuery, () => Object.fromEntries(status));

  const begun =
    input.resume && input.runId
      ? { runId: input.runId, dispatch: input.resume.dispatch }
      : input.runId && input.dispatch
        ? { runId: input.runId, dispatch: input.dispatch } // web prepared the run in its transaction
        : await controlLocal.beginRun({ ...input, workflowId: workflowInfo().workflowId });
  const { runId, dispatch } = begun;
  const current = patched(EVENT_DRIVEN_LIVE_RECORDS);
  const { projectId } = input;
  const stream = workflowInfo().runId;
  const recorder = new RunRecorder(
    (records) => control.recordProgress({ runId, projectId, records }),
    current
      ? (records, first) => controlLocal.saveRecords({ stream, runId, projectId, first, records }).then(() => undefined)
      : (records) => controlLocal.recordProgress({ runId, projectId, records }),
    current ? { live: (records, first) => liveRecords.show({ stream, runId, projectId, first, records }) } : { batchMs: RECORD_BATCH_MS },
  );
  if (current) atActivationEnd(() => recorder.showLive());
  const watch = new QueueWatch(recorder);
  setHandler(stepAttemptSignal, (event) => {
    watch.started(event.nodeId);
    recorder.add({ type: 'attempt', event });
  });
  const ctx: TStepRunContext & { requestedBy: string | null; pipelineId: string } = {
    pipelineId: input.pipelineId,
    runId,
    projectId: input.projectId,
    params: input.params,
    recorder,
    reuse: input.reuse ?? {},
    now: () => new Date().toISOString(),
    requestedBy: input.trigger.kind === 'schedule' ? null : input.trigger.userId,
    ...(dispatch ? { dispatch, quota: new QuotaGate(), watch } : {}),
  };

  const inFlight = new Set<Promise<void>>();
  const settled: (TStepOutcome & { nodeId: string })[] = [];
  let stopped = false;
  const finished = new Trigger<'done' | 'continue'>();

  const launch = (step: TPlanStep) => {
    status.set(step.nodeId, 'running');
    if (step.executor === 'condition') {
      settled.push({ nodeId: step.nodeId, ...runConditionStep(ctx, step, status, outputs) });
      return;
    }
    const inputs: TStepInputs = Object.fromEntries(step.dependsOn.map((dep) => [dep, outputs.get(dep)?.artifacts ?? {}]));
    if (step.executor !== 'approval' && step.executor !== 'foreach' && step.executor !== 'subpipeline') watch.queued(step);
    const execution =
      step.executor === 'approval'
        ? runApprovalGate(ctx, step, decisions)
        : step.executor === 'foreach'
          ? runForeachStep(ctx, step, status, outputs, inputs)
          : step.executor === 'subpipeline'
            ? runSubpipelineStep(ctx, step)
            : runActivityStep(ctx, step, inputs);
    // one callback per outcome, no promise chain: every promise costs the workflow sandbox a stack capture
    const tracked: Promise<void> = execution.then(
      (outcome) => {
        watch.done(step.nodeId);
        inFlight.delete(tracked);
        settled.push({ nodeId: step.nodeId, ...outcome });
        if (current) advance();
      },
      (error: unknown) => {
        watch.done(step.nodeId);
        inFlight.delete(tracked);
        if (!isCancellation(error)) throw error;
      },
    );
    inFlight.add(tracked);
  };

  const absorb = () => {
    for (const outcome of settled.splice(0)) {
      status.set(outcome.nodeId, outcome.status);
      if (outcome.outputs) outputs.set(outcome.nodeId, outcome.outputs);
    }
  };

  /**
   * One pass: skip and block what can no longer run, start what is ready (up to max parallelism),
   * again while conditions settle at once. Returns whether steps are still in flight, and whether
   * the run should continue as new once they are not.
   */
  const pass = (): { busy: boolean; moveOn: boolean } => {
    for (;;) {
      absorb();
      const branches = new Map([...outputs].flatMap(([nodeId, out]) => (out.branch ? [[nodeId, out.branch] as const] : [])));
      const moves = nextMoves(plan, status, branches);
      for (const step of moves.skip) {
        status.set(step.nodeId, 'skipped');
        recorder.add({ type: 'step', nodeId: step.nodeId, status: 'skipped', at: ctx.now() });
      }
      for (const step of moves.block) {
        status.set(step.nodeId, 'skipped');
        recorder.add({ type: 'step', nodeId: step.nodeId, status: 'skipped', error: 'Not run: a step before it failed', at: ctx.now() });
      }
      const moveOn = workflowInfo().continueAsNewSuggested;
      if (!moveOn) {
        for (const step of moves.ready) {
          if (inFlight.size >= plan.maxParallelism) break;
          launch(step);
        }
      }
      if (settled.length === 0) return { busy: inFlight.size > 0, moveOn };
    }
  };

  /**
   * The event-driven loop: a step's outcome advances the run in the callback that delivers it, in
   * the same pass through the workflow sandbox. (The polling loop waited on a `condition`, which
   * costs the worker one more call into the sandbox per step, each with its own watchdog thread.)
   */
  const advance = () => {
    if (stopped) return;
    const { busy, moveOn } = pass();
    if (!busy) finished.resolve(moveOn && [...status.values()].includes('pending') ? 'continue' : 'done');
  };

  /** The polling loop of runs begun before the event-driven one: kept so that their histories replay. */
  const poll = async (): Promise<'done' | 'continue'> => {
    for (;;) {
      const { busy, moveOn } = pass();
      if (!busy) return moveOn && [...status.values()].includes('pending') ? 'continue' : 'done';
      await condition(() => settled.length > 0);
    }
  };

  try {
    let next: 'done' | 'continue';
    if (current) {
      advance();
      next = await finished;
    } else {
      next = await poll();
    }
    if (next === 'continue') {
      await recorder.drain();
      await continueAsNew<typeof pipelineRun>({ ...input, runId, resume: { status: Object.fromEntries(status), outputs: Object.fromEntries(outputs), ...(dispatch ? { dispatch } : {}) } });
    }
  } catch (error) {
    if (!isCancellation(error)) throw error;
    stopped = true;
    await CancellationScope.nonCancellable(async () => {
      await Promise.allSettled([...inFlight]); // cancelled activities report once their processes are gone
      for (const [nodeId, s] of status) {
        if (s === 'pending' || s === 'running') recorder.add({ type: 'step', nodeId, status: 'cancelled', at: ctx.now() });
      }
      recorder.add({ type: 'finish', status: 'cancelled', error: 'Cancelled', at: ctx.now() });
      await recorder.drain();
    });
    throw error;
  }

  watch.stop();
  const outcome = runOutcome(status);
  const failedStep = plan.steps.find((s) => status.get(s.nodeId) === 'failed');
  const error = failedStep ? `Step "${failedStep.nodeId}" failed` : undefined;
  recorder.add({ type: 'finish', status: outcome, error, at: ctx.now() });
  const result: TPipelineRunResult = { runId, status: outcome, outputs: finalOutputs(plan, outputs), ...(error ? { error } : {}) };
  // live records: the live writer writes the last ones within a moment; the result keeps them for the reconciler
  if (current) return { ...result, unsaved: recorder.handOver() };
  await recorder.drain();
  return result;
}
