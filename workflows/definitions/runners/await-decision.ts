import { CancellationScope, condition, isCancellation, log } from '@temporalio/workflow';
import type { TApprovalState } from '../../contract/activities';
import { control } from '../control-activities';
import type { TRunnerContext } from './runner-context';

const HOUR_MS = 3_600_000;
/** A waiting step also looks in Postgres on its own this often: a doorbell lost after the decision's commit only delays it. */
const RECHECK_MS = 15 * 60_000;

/**
 * Waits until an approval (a gate's, or a promotion a step opened) is decided in Postgres or its
 * timeout passes, then closes it as expired. The doorbell signal only says when to look: a forged
 * one moves nothing. A cancelled run closes the approval as cancelled.
 */
export async function awaitDecision(ctx: TRunnerContext, params: { approvalId: string; nodeId: string; timeoutHours: number }): Promise<TApprovalState> {
  const { approvalId } = params;
  const deadline = Date.now() + params.timeoutHours * HOUR_MS;
  const rings = () => ctx.doorbells.get(approvalId) ?? 0;
  try {
    for (;;) {
      const seen = rings();
      const left = deadline - Date.now();
      if (left <= 0) {
        // (closing changes nothing when a decision was recorded at the last moment: that one counts)
        await control.closeApproval({ approvalId, status: 'expired' });
        return await control.readApprovalDecision({ approvalId });
      }
      const rang = await condition(() => rings() > seen, Math.min(left, RECHECK_MS));
      const state = await control.readApprovalDecision({ approvalId });
      if (state.status !== 'pending') return state;
      // (a doorbell with no decision behind it: forged, or from a decision that was rolled back)
      if (rang) log.warn('Approval doorbell rang, but Postgres holds no decision: the step keeps waiting', { approvalId, nodeId: params.nodeId });
    }
  } catch (error) {
    if (isCancellation(error)) await CancellationScope.nonCancellable(() => control.closeApproval({ approvalId, status: 'cancelled' }));
    throw error;
  }
}
