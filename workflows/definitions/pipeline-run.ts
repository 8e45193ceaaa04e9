import { CancellationScope, continueAsNew, isCancellation, patched, setHandler, Trigger, workflowInfo } from '@temporalio/workflow';
import type { TRunCommand, TRunEvent, TStartStep, TStepOutcome } from '../dsl';
import { initialRunState, reduceRun, runContext, stepsByNode } from '../dsl/run-reducer';
import { shortenLogs } from '../dsl/run-records';
import { atActivationEnd } from './activation-end';
import { controlLocal } from './control-activities';
import { runRecords } from './run-records-sink';
import { approvalDecidedSignal, stepAttemptSignal, stepStatusQuery, type TPipelineRunInput, type TPipelineRunResult } from '../contract/run-workflow';
import { failureMessage } from './pool-activity';
import { QuotaGate } from './quota-gate';
import { RunRecorder } from './recorder';
import { runStep, type TRunnerContext } from './runners';

type TExecutionEnd = Extract<TRunCommand, { type: 'end' | 'continueAsNew' }>;

/**
 * The pipeline interpreter: a thin driver of the run reducer (workflows/dsl/run-reducer.ts).
 * Temporal's happenings (a runner's result or rejection, a signal, a cancellation) become events;
 * the reducer's commands become runners started, records handed to the control worker, and the
 * run's end or continue-as-new. Every runner's promise ends in an event, so none can reject
 * unobserved and no run can hang. Reads no database: the plan is its input.
 */
export async function pipelineRun(input: TPipelineRunInput): Promise<TPipelineRunResult> {
  const { plan, projectId } = input;
  const root = CancellationScope.current();
  const now = () => new Date().toISOString();
  const doorbells = new Map<string, number>();
  setHandler(approvalDecidedSignal, ({ approvalId }) => void doorbells.set(approvalId, (doorbells.get(approvalId) ?? 0) + 1));
  // (a marker only in runs with a for-each: what changed is how many slots one holds)
  const context = runContext(plan, input.params, input.reuse, plan.steps.some((s) => s.executor === 'foreach') && patched('foreach-slots'));
  let state = initialRunState(context, input.resume?.steps);
  setHandler(stepStatusQuery, () => Object.fromEntries(plan.steps.map((s, i) => [s.nodeId, state.steps[i]!.status])));

  // web prepared the run (row, step rows, dispatch) in its transaction; scheduled runs and sub-pipelines begin here
  const { runId, dispatch } =
    input.runId && input.dispatch ? { runId: input.runId, dispatch: input.dispatch } : await controlLocal.beginRun({ ...input, workflowId: workflowInfo().workflowId });
  const recorder = new RunRecorder(
    (records) => runRecords.write({ runId, projectId, records }),
    (records) => controlLocal.writeRecords({ runId, projectId, records }),
  );
  atActivationEnd(() => recorder.writeLive());

  const end = new Trigger<TExecutionEnd>();
  const running = new Set<Promise<void>>();
  const queue: TRunEvent[] = [];
  let reducing = false;
  /** Events go through the reducer one at a time, in the order they happened. */
  const dispatchEvent = (event: TRunEvent) => {
    queue.push(event);
    if (reducing) return;
    reducing = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const step = reduceRun(context, state, next);
        state = step.state;
        for (const command of step.commands) execute(command);
      }
    } finally {
      reducing = false;
    }
    if (!state.yielding && !state.closed && workflowInfo().continueAsNewSuggested) dispatchEvent({ type: 'yield', at: now() });
  };

  setHandler(stepAttemptSignal, (event) => dispatchEvent({ type: 'attempt', event, at: now() }));
  const runnerContext: TRunnerContext = {
    runId,
    projectId,
    params: input.params,
    dispatch,
    quota: new QuotaGate(),
    doorbells,
    emit: dispatchEvent,
    now,
  };

  const start = (command: TStartStep) => {
    const { step } = command;
    const ended = (outcome: TStepOutcome | null) => {
      running.delete(tracked);
      if (outcome) dispatchEvent({ type: 'stepEnded', nodeId: step.nodeId, outcome, at: now() });
    };
    const execution = step.executor === 'condition' ? Promise.reject(new Error(`No runner for executor "${step.executor}"`)) : runStep(runnerContext, { ...command, step });
    // one callback per outcome, no promise chain: every promise costs the workflow sandbox a stack capture
    const tracked: Promise<void> = execution.then(ended, (error: unknown) =>
      // a step stopped by the run's cancellation is recorded by the `cancelled` event; any other rejection fails the step
      ended(root.consideredCancelled && isCancellation(error) ? null : { status: 'failed', error: failureMessage(error) }),
    );
    running.add(tracked);
  };

  const execute = (command: TRunCommand) => {
    if (command.type === 'record') recorder.add(command.record);
    else if (command.type === 'start') start(command);
    else end.resolve(command);
  };

  try {
    dispatchEvent({ type: 'begin', at: now() });
    const last = await end;
    if (last.type === 'continueAsNew') {
      await recorder.writeDurably();
      return await continueAsNew<typeof pipelineRun>({ ...input, runId, dispatch, resume: { steps: stepsByNode(context, state) } });
    }
    // the record writer writes the last records within a moment; the result keeps them for the
    // reconciler, their logs shortened to fit Temporal's payload limit
    return { runId, status: last.status, outputs: last.outputs, ...(last.error ? { error: last.error } : {}), records: shortenLogs(recorder.unwritten()) };
  } catch (error) {
    if (!isCancellation(error)) throw error;
    await CancellationScope.nonCancellable(async () => {
      dispatchEvent({ type: 'cancelRequested', at: now() });
      await Promise.allSettled([...running]); // cancelled activities report once their processes are gone
      dispatchEvent({ type: 'cancelled', at: now() });
      await recorder.writeDurably();
    });
    throw error;
  }
}
