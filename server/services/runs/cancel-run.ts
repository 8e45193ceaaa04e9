import { WorkflowNotFoundError } from '@temporalio/client';
import { isOpenRun } from '../../../workflows/dsl';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TServiceDeps } from '../deps';
import { findRun } from './get-run';

/**
 * Requests cancellation; the interpreter then cancels its steps (their process groups are
 * killed), records them cancelled and ends the run cancelled. Cancelling twice is harmless.
 */
export async function cancelRun(deps: TServiceDeps, params: { projectId: string; runId: string; userId: string }) {
  const run = await findRun(deps.db, params.projectId, params.runId);
  if (!isOpenRun(run.status)) {
    throw new AppError('PRECONDITION_FAILED', `The run already ended (${run.status})`);
  }
  await deps.db.transaction(async (tx) => {
    await recordAudit(tx, { projectId: params.projectId, actor: params.userId, action: 'run.cancel', targetType: 'run', targetId: run.id });
    try {
      await deps.temporal.workflow.getHandle(run.workflowId).cancel();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new AppError('PRECONDITION_FAILED', 'The run already ended');
      throw error;
    }
  });
  return { ok: true as const };
}
