import type { TAttemptRecord, TParameterValue, TPlanStep, TStepInputs, TStepOutputs } from '../dsl';

/**
 * What a pool worker needs to execute one step: no database, only the step's executor and config,
 * its inputs and the run's parameters. Kept small: it is written into the run's history for every
 * step (a 1,000-wide fan-out schedules 1,000 of them in one workflow task).
 */
export type TPoolStep = Pick<TPlanStep, 'nodeId' | 'executor' | 'config'> & { maxAttempts: number; /** GPUs to lease (GPU workers); absent: none */ gpus?: number };

export type TRunStepInput = {
  runId: string;
  projectId: string;
  step: TPoolStep;
  params: Record<string, TParameterValue>;
  inputs: TStepInputs;
  /** set when the step is one item of a for-each */
  item?: { index: number; value: unknown };
};

export type TRunStepResult = { outputs: TStepOutputs; attempt: TAttemptRecord };

