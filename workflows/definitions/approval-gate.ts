import { CancellationScope, condition, isCancellation } from '@temporalio/workflow';
import type { TPlanStep } from '../dsl';
import { control } from './control-activities';
import type { TApprovalDecision } from './messages';
import type { TStepOutcome, TStepRunContext } from './step-runner';

/**
 * An approval gate: opens the approval (the control activity marks the step waiting), then waits
 * for a decision signal until the gate's timeout. A cancelled run closes its open approval.
 */
export async function runApprovalGate(
  ctx: TStepRunContext & { requestedBy: string | null },
  step: TPlanStep,
  decisions: Map<string, TApprovalDecision>,
): Promise<TStepOutcome> {
  const timeoutHours = Number(step.config.timeoutHours ?? 72);
  const { approvalId } = await control.createApproval({
    runId: ctx.runId,
    projectId: ctx.projectId,
    nodeId: step.nodeId,
    instructions: String(step.config.instructions ?? ''),
    timeoutHours,
    requestedBy: ctx.requestedBy,
  });
  let decided: boolean;
  try {
    decided = await condition(() => decisions.has(approvalId), timeoutHours * 3_600_000);
  } catch (error) {
    if (isCancellation(error)) await CancellationScope.nonCancellable(() => control.closeApproval({ approvalId, status: 'cancelled' }));
    throw error;
  }
  const outcome: TStepOutcome = !decided
    ? { status: 'failed', error: `No decision within ${timeoutHours} h` }
    : decisions.get(approvalId)!.decision === 'approved'
      ? { status: 'succeeded', outputs: { artifacts: {}, metrics: {} } }
      : { status: 'failed', error: `Rejected${decisions.get(approvalId)!.comment ? `: ${decisions.get(approvalId)!.comment}` : ''}` };
  if (!decided) await control.closeApproval({ approvalId, status: 'expired' });
  ctx.recorder.add({ type: 'step', nodeId: step.nodeId, status: outcome.status, error: outcome.error, outputs: outcome.outputs, at: ctx.now() });
  return outcome;
}
