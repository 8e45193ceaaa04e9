import type { TParameterValue, TPlanStep } from '../dsl';

/** What a pool worker needs to execute one step: no database, only the step and the run's parameters. */
export type TRunStepInput = {
  runId: string;
  projectId: string;
  step: TPlanStep;
  params: Record<string, TParameterValue>;
};

export type TRunStepResult = { exitCode: number; durationMs: number };
