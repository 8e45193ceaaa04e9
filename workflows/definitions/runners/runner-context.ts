import type { TExecutor, TParameterValue, TRunEvent, TStartStep, TStepOutcome } from '../../dsl';
import type { TDispatch } from '../../contract/run-workflow';
import type { QuotaGate } from '../quota-gate';

/** What a runner may use: the run's identity, how its steps are dispatched, and a way to report progress. */
export type TRunnerContext = {
  runId: string;
  projectId: string;
  params: Record<string, TParameterValue>;
  /** the run's team, fair-share weights, priority and GPU quotas (read when the run began) */
  dispatch: TDispatch;
  quota: QuotaGate;
  /** how often each approval's doorbell rang (a decision was recorded: read it from Postgres) */
  doorbells: ReadonlyMap<string, number>;
  /** progress of a running step (an approval opened, a flag): becomes an event of the run */
  emit: (event: Extract<TRunEvent, { type: 'approvalOpened' | 'flagged' }>) => void;
  now: () => string;
};

/**
 * Executes one started step of the executors `E` (its config typed by them) and resolves with its
 * outcome. A runner may also reject (a bug, a child workflow terminated): the driver turns every
 * rejection into the step's failure.
 */
export type TRunner<E extends TExecutor> = (ctx: TRunnerContext, command: TStartStep<E>) => Promise<TStepOutcome>;
