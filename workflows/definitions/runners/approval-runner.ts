import { CancellationScope, condition, isCancellation } from '@temporalio/workflow';
import { control } from '../control-activities';
import type { TRunner } from './runner-context';

const HOUR_MS = 3_600_000;

/**
 * An approval gate: opens the approval, reports the step waiting (through the run's records, so
 * it never shows before the steps that came first), then waits for a decision until the gate's
 * timeout. An approved gate succeeds (the reducer passes its upstream outputs on); a rejected or
 * expired one fails. A cancelled run closes its open approval.
 */
export const runApprovalGate: TRunner<'approval'> = async (ctx, { step }) => {
  const { config } = step;
  const { approvalId } = await control.createApproval({
    runId: ctx.runId,
    projectId: ctx.projectId,
    nodeId: step.nodeId,
    instructions: config.instructions,
    timeoutHours: config.timeoutHours,
    requestedBy: ctx.requestedBy,
  });
  ctx.emit({ type: 'approvalOpened', nodeId: step.nodeId, at: ctx.now() });
  let decided: boolean;
  try {
    decided = await condition(() => ctx.decisions.has(approvalId), config.timeoutHours * HOUR_MS);
  } catch (error) {
    if (isCancellation(error)) await CancellationScope.nonCancellable(() => control.closeApproval({ approvalId, status: 'cancelled' }));
    throw error;
  }
  if (!decided) {
    await control.closeApproval({ approvalId, status: 'expired' });
    return { status: 'failed', error: `No decision within ${config.timeoutHours} h` };
  }
  const decision = ctx.decisions.get(approvalId)!;
  if (decision.decision === 'approved') return { status: 'succeeded', outputs: { artifacts: {}, metrics: {} } };
  return { status: 'failed', error: `Rejected${decision.comment ? `: ${decision.comment}` : ''}` };
};
