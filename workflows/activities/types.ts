import type { TStepAttemptEvent } from '../definitions/messages';
import type { TArtifactRef, TParameterValue, TPlanStep, TStepOrigin, TStepOutputs, TStepStatus } from '../dsl';

/** Upstream outputs a step reads: fromNode → artifact name → reference. */
export type TStepInputs = Record<string, Record<string, TArtifactRef>>;

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

/** The successful attempt, reported with the result so that the success path needs no extra message. */
export type TAttemptRecord = {
  attempt: number;
  workerIdentity: string;
  startedAt: string;
  endedAt: string;
  exitCode: number;
  log: string;
  /** GPU workers: the CUDA indices the attempt held, and GPUs × seconds held */
  gpuDevices?: string[];
  gpuSeconds?: number;
};

export type TRunStepResult = { outputs: TStepOutputs; attempt: TAttemptRecord };

/** One change to a run's records; the interpreter sends them to Postgres in batches. */
export type TRunRecord =
  | {
      type: 'step';
      nodeId: string;
      status: TStepStatus;
      at: string;
      error?: string;
      origin?: TStepOrigin;
      outputs?: TStepOutputs;
      inputs?: TStepInputs;
      cacheKey?: string;
      attempt?: TAttemptRecord;
    }
  | { type: 'attempt'; event: TStepAttemptEvent }
  | { type: 'flag'; nodeId: string; flag: string | null }
  /** the run's end: always the last record of a run */
  | { type: 'finish'; status: 'succeeded' | 'failed' | 'cancelled'; error?: string; at: string };
