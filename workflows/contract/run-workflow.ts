import { defineSignal, defineQuery } from '@temporalio/workflow';
import type { TFinalRunStatus, TParameterValue, TPlan, TRunRecord, TStepAttemptEvent, TStepOutputs, TStepState, TStepStatus } from '../dsl';

// The pipelineRun workflow as web, the control worker, pool workers and parent runs see it:
// its input and result, its signals and query, its id. Imports only the DSL.

/**
 * How a run's steps are dispatched on shared pools (Temporal Task Queue Priority and Fairness):
 * its team is the fairness key, the team's weight on each pool the fairness weight, and the run's
 * priority (1 highest … 5 lowest, 3 by default) the priority key. Read by beginRun when the run
 * begins, so weights changed later apply to later runs.
 */
export type TDispatch = {
  fairnessKey: string;
  fairnessWeights: Record<string, number>;
  priority: number;
  /** the team's GPU quota per pool, where it has one; absent: no quota anywhere */
  gpuQuotas?: Record<string, number>;
  /** the team's id (quota leases are the team's) */
  teamId?: string;
};

/** The pipelineRun workflow's one input: the compiled plan plus who/what started it. */
export type TPipelineRunInput = {
  /** present when web created the run row first; scheduled runs have the control worker create it */
  runId?: string;
  /**
   * Present when web also made the step rows and read the dispatch (runs started since the
   * interpreter stopped calling beginRun for them): the run's status follows its first records.
   */
  dispatch?: TDispatch;
  projectId: string;
  pipelineId: string;
  versionId: string;
  plan: TPlan;
  params: Record<string, TParameterValue>;
  trigger:
    | { kind: 'manual'; userId: string }
    | { kind: 'schedule'; scheduleId: string }
    /** a sub-pipeline: started by a step of another run (whose requester still may not approve it) */
    | { kind: 'pipeline'; parentRunId: string; parentNodeId: string };
  /** retry from failure: outputs of the steps that succeeded in the run being retried */
  reuse?: Record<string, TStepOutputs>;
  /** carried across continue-as-new: where the run's steps stood */
  resume?: { steps: Record<string, TStepState> };
};

export type TPipelineRunResult = {
  runId: string;
  status: TFinalRunStatus;
  error?: string;
  outputs: TStepOutputs;
  /**
   * The run's records since its last durable write: the record writer writes them as the run
   * ends; if it could not (its worker died), the control worker's reconciler writes them from here
   * (server/services/runs/reconcile-runs.ts).
   */
  records?: TRunRecord[];
};

/**
 * A doorbell: a decision on this approval was recorded in Postgres. The gate reads it from there;
 * the signal carries no decision, so a forged one (any process that reaches Temporal) moves nothing.
 */
export type TApprovalDoorbell = { approvalId: string };

export const stepAttemptSignal = defineSignal<[TStepAttemptEvent]>('stepAttempt');
export const approvalDecidedSignal = defineSignal<[TApprovalDoorbell]>('approvalDecided');
/** A lease of the run's team was released on this pool: steps waiting for the team's GPU quota try again. */
export const quotaFreedSignal = defineSignal<[string]>('quotaFreed');
export const stepStatusQuery = defineQuery<Record<string, TStepStatus>>('stepStatus');

/** The pipelineRun workflow's signature, for clients and parents that start it by name. */
export type TPipelineRunWorkflow = (input: TPipelineRunInput) => Promise<TPipelineRunResult>;

export const runWorkflowId = (runId: string) => `run-${runId}`;
export const PIPELINE_RUN_WORKFLOW = 'pipelineRun';
