import type { TApprovalState } from '../../contract/activities';
import type { TStepOutcome } from '../../dsl';
import { control } from '../control-activities';
import { awaitDecision } from './await-decision';
import type { TRunner } from './runner-context';

/**
 * An approval gate: opens the approval, reports the step waiting (through the run's records, so
 * it never shows before the steps that came first), then waits for the decision in Postgres or
 * the gate's timeout (awaitDecision). An approved gate succeeds (the reducer passes its upstream
 * outputs on); a rejected or expired one fails.
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
  return outcomeOf(await awaitDecision(ctx, { approvalId, nodeId: step.nodeId, timeoutHours: config.timeoutHours }), config.timeoutHours);
};

/** How a decision ends a step that waited for it (a gate, a promotion). */
export function outcomeOf(state: TApprovalState, timeoutHours: number): TStepOutcome {
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
