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

/**
 * A run's result carries its last records (for the reconciler, should their live copy be lost),
 * and Temporal refuses a result over 2 MB: the workflow task that completes the run would fail for
 * ever. So the logs those records carry share this many characters; longer ones keep their tail.
 */
export const RESULT_LOG_BUDGET_CHARS = 512 * 1024;
export const SHORTENED_LOG_MARK = '[… earlier output not kept in the run\'s result]\n';

/** The records with their logs shortened to fit `budget` characters together (unchanged when they fit). */
export function shortenLogs(records: TRunRecord[], budget = RESULT_LOG_BUDGET_CHARS): TRunRecord[] {
  const logs = records.map(logOf);
  const total = logs.reduce((sum, log) => sum + (log?.length ?? 0), 0);
  if (total <= budget) return records;
  const share = Math.floor(budget / logs.filter((log) => log !== undefined).length);
  return records.map((record, i) => {
    const log = logs[i];
    if (log === undefined || log.length <= share) return record;
    const keep = share - SHORTENED_LOG_MARK.length;
    const tail = keep > 0 ? log.slice(-keep) : '';
    const shortened = SHORTENED_LOG_MARK + tail.slice(tail.indexOf('\n') + 1); // from a line's start
    if (record.type === 'step') return { ...record, attempt: { ...record.attempt!, log: shortened } };
    if (record.type === 'attempt') return { ...record, event: { ...record.event, outcome: { ...record.event.outcome!, log: shortened } } };
    return record;
  });
}

const logOf = (record: TRunRecord): string | undefined =>
  record.type === 'step' ? record.attempt?.log : record.type === 'attempt' ? record.event.outcome?.log : undefined;
