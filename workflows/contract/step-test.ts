import type { TPoolStep } from './activities';
import type { TParameterValue, TStepInputs, TStepOutputs } from '../dsl';

/**
 * "Test this step": one pool step of a draft, run alone on its pool with the outputs of the last
 * run's upstream steps. Nothing of it is written to Postgres (it is not a run); its result lives in
 * Temporal (the workflow's result, kept for the namespace's retention) and its scratch files are
 * gone when it ends. Its id carries the project, so that only that project's members read it.
 */
export type TStepTestInput = {
  testId: string;
  projectId: string;
  step: TPoolStep;
  taskQueue: string;
  startToCloseTimeoutMs: number;
  heartbeatTimeoutMs: number;
  params: Record<string, TParameterValue>;
  inputs: TStepInputs;
};

export type TStepTestResult =
  | { status: 'succeeded'; outputs: TStepOutputs; log: string; exitCode: number; startedAt: string; endedAt: string }
  | { status: 'failed'; error: string; log: string; exitCode: number | null; startedAt: string | null; endedAt: string };

export const STEP_TEST_WORKFLOW = 'stepTest';
export const stepTestWorkflowId = (projectId: string, testId: string) => `step-test-${projectId}-${testId}`;
