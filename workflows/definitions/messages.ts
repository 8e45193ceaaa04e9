import { defineSignal, defineQuery } from '@temporalio/workflow';
import type { TParameterValue, TPlan, TStepStatus } from '../dsl';

/** The pipelineRun workflow's one input: the compiled plan plus who/what started it. */
export type TPipelineRunInput = {
  /** present when web created the run row first; scheduled runs have the control worker create it */
  runId?: string;
  projectId: string;
  pipelineId: string;
  versionId: string;
  plan: TPlan;
  params: Record<string, TParameterValue>;
  trigger: { kind: 'manual'; userId: string } | { kind: 'schedule'; scheduleId: string };
};

export type TPipelineRunResult = { runId: string; status: 'succeeded' | 'failed'; error?: string };

/** Sent by a pool worker at the start and end of every attempt, so each attempt is recorded live. */
export type TStepAttemptEvent = {
  nodeId: string;
  attempt: number;
  maxAttempts: number;
  phase: 'started' | 'finished';
  at: string;
  workerIdentity: string;
  outcome?: { status: 'succeeded' | 'failed'; exitCode: number | null; error?: string; log: string };
};

export type TApprovalDecision = { approvalId: string; decision: 'approved' | 'rejected'; decidedBy: string; comment: string };

export const stepAttemptSignal = defineSignal<[TStepAttemptEvent]>('stepAttempt');
export const approvalDecisionSignal = defineSignal<[TApprovalDecision]>('approvalDecision');
export const stepStatusQuery = defineQuery<Record<string, TStepStatus>>('stepStatus');

export const runWorkflowId = (runId: string) => `run-${runId}`;
export const PIPELINE_RUN_WORKFLOW = 'pipelineRun';
