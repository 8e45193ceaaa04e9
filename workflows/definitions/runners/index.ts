import type { TExecutor } from '../../dsl';
import { runActivityStep } from './activity-runner';
import { runApprovalGate } from './approval-runner';
import { runForeachStep } from './foreach-runner';
import type { TRunner } from './runner-context';
import { runSubpipelineStep } from './subpipeline-runner';

/** The runner of each executor the reducer starts (conditions it settles itself). */
export const RUNNERS: Record<Exclude<TExecutor, 'condition'>, TRunner> = {
  python: runActivityStep,
  shell: runActivityStep,
  noop: runActivityStep,
  approval: runApprovalGate,
  foreach: runForeachStep,
  subpipeline: runSubpipelineStep,
};

/** Steps that wait in a pool's task queue (watched for "no worker in pool"). */
export const POOL_EXECUTORS: ReadonlySet<TExecutor> = new Set(['python', 'shell', 'noop']);

export type { TRunner, TRunnerContext } from './runner-context';
