import { WorkflowNotFoundError } from '@temporalio/client';
import { stepTestWorkflowId, type TStepTestResult } from '../../../workflows/contract/step-test';
import { AppError } from '../../errors';
import type { TServiceDeps } from '../deps';
import { heartbeatLogTail } from '../runs/heartbeat-log-tail';

export type TStepTestView = { status: 'running'; log: string } | TStepTestResult;

/**
 * A step test as it stands: running (with its log so far, from the activity's heartbeat) or its
 * result. The id names the project, so another project's test is not found.
 */
export async function getStepTest(deps: TServiceDeps, params: { projectId: string; testId: string }): Promise<TStepTestView> {
  const handle = deps.temporal.workflow.getHandle(stepTestWorkflowId(params.projectId, params.testId));
  let description;
  try {
    description = await handle.describe();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw new AppError('NOT_FOUND', 'Step test not found (tests are kept for a few days)');
    throw error;
  }
  if (description.status.name === 'RUNNING') {
    return { status: 'running', log: heartbeatLogTail(description) ?? '' };
  }
  if (description.status.name === 'COMPLETED') return handle.result() as Promise<TStepTestResult>;
  const how = description.status.name === 'TIMED_OUT' ? 'timed out (no worker of its pool ran it in time?)' : description.status.name.toLowerCase().replace('_', ' ');
  return { status: 'failed', error: `The test ${how}`, log: '', exitCode: null, startedAt: null, endedAt: (description.closeTime ?? new Date()).toISOString() };
}
