import { CancellationScope, condition, isCancellation, log } from '@temporalio/workflow';
import type { TApprovalState } from '../../contract/activities';
import type { TStepOutcome } from '../../dsl';
import { control } from '../control-activities';
import type { TRunner } from './runner-context';

const HOUR_MS = 3_600_000;
/** A gate also looks in Postgres on its own this often: a doorbell lost after the decision's commit only delays it. */
const RECHECK_MS = 15 * 60_000;

/**
 * An approval gate: opens the approval, reports the step waiting (through the run's records, so
 * it never shows before the steps that came first), then waits until the approval is decided in
 * Postgres or the gate's timeout passes. The doorbell signal only says when to look: a forged one
 * moves nothing. An approved gate succeeds (the reducer passes its upstream outputs on); a
 * rejected or expired one fails. A cancelled run closes its open approval.
 */
export const runApprovalGate: TRunner<'approval'> = async (ctx, { step }) => {
  const { config } = step;
  const { approvalId } = await control.createApproval({
    runId: ctx.runId,
    projectId: ctx.projectId,
    nodeId: step.nodeId,
    instructions: config.instructions,
    timeoutHours: config.timeoutHours,
  });
  ctx.emit({ type: 'approvalOpened', nodeId: step.nodeId, at: ctx.now() });
  const deadline = Date.now() + config.timeoutHours * HOUR_MS;
  const rings = () => ctx.doorbells.get(approvalId) ?? 0;
  try {
    for (;;) {
      const seen = rings();
      const left = deadline - Date.now();
      if (left <= 0) {
        // (closing changes nothing when a decision was recorded at the last moment: that one counts)
        await control.closeApproval({ approvalId, status: 'expired' });
        return outcomeOf(await control.readApprovalDecision({ approvalId }), config.timeoutHours);
      }
      const rang = await condition(() => rings() > seen, Math.min(left, RECHECK_MS));
      const state = await control.readApprovalDecision({ approvalId });
      if (state.status !== 'pending') return outcomeOf(state, config.timeoutHours);
      // (a doorbell with no decision behind it: forged, or from a decision that was rolled back)
      if (rang) log.warn('Approval doorbell rang, but Postgres holds no decision: the gate keeps waiting', { approvalId, nodeId: step.nodeId });
    }
  } catch (error) {
    if (isCancellation(error)) await CancellationScope.nonCancellable(() => control.closeApproval({ approvalId, status: 'cancelled' }));
    throw error;
  }
};

function outcomeOf(state: TApprovalState, timeoutHours: number): TStepOutcome {
  switch (state.status) {
    case 'approved':
      return { status: 'succeeded', outputs: { artifacts: {}, metrics: {} } };
    case 'rejected':
      return { status: 'failed', error: `Rejected${state.comment ? `: ${state.comment}` : ''}` };
    case 'expired':
    case 'pending':
      return { status: 'failed', error: `No decision within ${timeoutHours} h` };
    case 'cancelled':
      return { status: 'failed', error: 'Its approval was cancelled' };
  }
}
