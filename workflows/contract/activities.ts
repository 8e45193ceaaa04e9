import type { TArtifactRef, TAttemptRecord, TParameterValue, TPickedArtifact, TPlanStep, TStepInputs, TStepOutputs } from '../dsl';
import type { TAlertDispatchPart } from './alert-dispatch';
import type { TRecordBatch } from './run-records';
import type { TDispatch, TPipelineRunInput } from './run-workflow';
import type { TPoolExecutor, TStepConfig } from '../dsl';

/**
 * What a pool worker needs to execute one step: no database, only the step's executor and config,
 * its inputs and the run's parameters. Kept small: it is written into the run's history for every
 * step (a 1,000-wide fan-out schedules 1,000 of them in one workflow task). One member per pool
 * executor, its config typed by it (`E` narrows it to some).
 */
export type TPoolStep<E extends TPoolExecutor = TPoolExecutor> = {
  [X in E]: {
    nodeId: string;
    executor: X;
    config: TStepConfig<X>;
    maxAttempts: number;
    /** GPUs to lease (GPU workers); absent: none */
    gpus?: number;
    /**
     * The names of the project secrets the step gets: the worker asks web for them at attempt time
     * (web reads which from Postgres, never from here); values never travel through Temporal.
     */
    secrets?: string[];
  };
}[E];

export type TRunStepInput = {
  runId: string;
  projectId: string;
  step: TPoolStep;
  params: Record<string, TParameterValue>;
  inputs: TStepInputs;
  /** set when the step is one item of a for-each */
  item?: { index: number; value: unknown };
  /** "Test this step": no run behind it (contract/step-test.ts) */
  test?: true;
};

export type TRunStepResult = {
  outputs: TStepOutputs;
  attempt: TAttemptRecord;
  /** stored artifacts the step read by hash, not from an upstream step (Load dataset's artifact source), by name: recorded as its inputs */
  read?: Record<string, TArtifactRef>;
};


/** Step activities served by a pool worker (workflows/activities/pool.ts). */
export type TPoolActivities = { runStep(input: TRunStepInput): Promise<TRunStepResult> };

export type TApprovalState = { status: 'pending' } | { status: 'approved' | 'rejected' | 'expired' | 'cancelled'; comment: string };

export type TRegisterModelVersion = { runId: string; projectId: string; nodeId: string; modelName: string; artifact: TPickedArtifact; tags: { key: string; value: string }[] };
/** `version` 0: the newest version of the model that this run registered */
export type TOpenPromotion = { runId: string; projectId: string; nodeId: string; modelName: string; alias: string; version: number; timeoutHours: number };

export type TQuotaRequest = { runId: string; nodeId: string; teamId: string; pool: string; gpus: number; workflowId: string };
export type TQuotaAnswer =
  | { granted: true }
  | { granted: false; holding: number; quota: number; holders: { runId: string; workflowId: string }[] }
  | { granted: false; exceedsQuota: true; quota: number };

/**
 * Control activities (server/control/control-activities.ts): the only code a run uses to write
 * Postgres, on the control worker. Each one is idempotent.
 */
export type TControlActivities = {
  /** a run web did not prepare (scheduled, a sub-pipeline): its row, step rows and dispatch */
  beginRun(input: TPipelineRunInput & { workflowId: string }): Promise<{ runId: string; dispatch: TDispatch }>;
  /** a run's records written durably (cancel, continue-as-new), after what is pending for it */
  writeRecords(batch: TRecordBatch): Promise<{ written: number }>;
  lookupStepCache(params: { projectId: string; step: Pick<TPlanStep, 'kind' | 'executorVersion' | 'config'>; inputs: TStepInputs; params?: Record<string, TParameterValue> }): Promise<{ cacheKey: string; hit: TStepOutputs | null }>;
  /** the approval's requester (who may not decide it) is its run's, as Postgres holds it */
  createApproval(params: { runId: string; projectId: string; nodeId: string; instructions: string; timeoutHours: number }): Promise<{ approvalId: string }>;
  closeApproval(params: { approvalId: string; status: 'expired' | 'cancelled' }): Promise<void>;
  /** where an approval stands in Postgres: what its gate acts on (a signal only says to look) */
  readApprovalDecision(params: { approvalId: string }): Promise<TApprovalState>;
  /** a "Register model" step: the artifact becomes the next version (idempotent per run, node and artifact) */
  registerModelVersion(params: TRegisterModelVersion): Promise<{ name: string; version: number }>;
  /** a "Promote model" step: the alias moves at once, or a promotion approval (one per run and node) waits */
  openPromotion(params: TOpenPromotion): Promise<{ status: 'set'; version: number } | { status: 'pending'; approvalId: string; version: number }>;
  acquireGpuQuota(request: TQuotaRequest): Promise<TQuotaAnswer>;
  releaseGpuQuota(params: { runId: string; nodeId: string; pool: string }): Promise<void>;
  /** one part of a fired alert's dispatch, unless done already; each failed attempt is written to the alert */
  dispatchAlertPart(params: { alertId: string; part: TAlertDispatchPart }): Promise<void>;
  /** the alert's dispatch settled: done, or failed (a part gave up) */
  finishAlertDispatch(params: { alertId: string; failed: boolean }): Promise<void>;
};
