import type { TArtifactRef, TStepOutputs } from './run-state';
import type { TFinalRunStatus, TRunStatus, TStepOrigin, TStepStatus } from './statuses';

/** Upstream outputs a step reads: fromNode → artifact name → reference. */
export type TStepInputs = Record<string, Record<string, TArtifactRef>>;

/** The successful attempt, reported with the step's result so that the success path needs no extra message. */
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

/**
 * Sent by a pool worker when an attempt has been running a moment (or is a retry) and when an
 * attempt fails, so retries and long steps show live. A quick successful attempt sends nothing:
 * it comes back with the activity result.
 */
export type TStepAttemptEvent = {
  nodeId: string;
  attempt: number;
  maxAttempts: number;
  phase: 'started' | 'finished';
  /** when the attempt started (a failure reported without a start report still has its duration) */
  startedAt?: string;
  at: string;
  workerIdentity: string;
  /** GPU workers: the CUDA indices the attempt holds */
  gpuDevices?: string[];
  outcome?: { status: 'succeeded' | 'failed'; exitCode: number | null; error?: string; log: string; gpuSeconds?: number };
};

/** One change to a run's records, made by the run reducer and written to Postgres in order. */
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
      /** the successful attempt (with the step's success) */
      attempt?: TAttemptRecord;
      /** the newest attempt reported so far (a retry shows while it runs) */
      attempts?: number;
    }
  | { type: 'attempt'; event: TStepAttemptEvent }
  | { type: 'flag'; nodeId: string; flag: string | null }
  /** the run's status while it is open (its first one also says when it started) */
  | { type: 'run'; status: Exclude<TRunStatus, 'queued' | TFinalRunStatus>; at: string }
  /** the run's end: always the last record of a run */
  | { type: 'finish'; status: TFinalRunStatus; error?: string; at: string };
