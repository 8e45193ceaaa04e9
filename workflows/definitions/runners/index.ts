import type { TExecutor, TStartStep, TStepOutcome } from '../../dsl';
import { runActivityStep } from './activity-runner';
import { runApprovalGate } from './approval-runner';
import { runForeachStep } from './foreach-runner';
import { runPromoteModel, runRegisterModel } from './model-runners';
import type { TRunner, TRunnerContext } from './runner-context';
import { runSubpipelineStep } from './subpipeline-runner';

/** The executors whose steps the reducer starts (conditions it settles itself). */
export type TRunExecutor = Exclude<TExecutor, 'condition'>;

/** The runner of each executor the reducer starts, each given its own step type. */
export const RUNNERS: { [E in TRunExecutor]: TRunner<E> } = {
  python: runActivityStep,
  shell: runActivityStep,
  noop: runActivityStep,
  python_library: runActivityStep,
  approval: runApprovalGate,
  foreach: runForeachStep,
  subpipeline: runSubpipelineStep,
  register_model: runRegisterModel,
  promote_model: runPromoteModel,
};

/** Starts a step on its executor's runner (generic, so that the runner and the step's type agree). */
export const runStep = <E extends TRunExecutor>(ctx: TRunnerContext, command: TStartStep<E>): Promise<TStepOutcome> => RUNNERS[command.step.executor](ctx, command);

export type { TRunner, TRunnerContext } from './runner-context';
