import { eq, sql } from 'drizzle-orm';
import { approvals } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';

export type TDecisionParams = { projectId: string; decision: 'approved' | 'rejected'; comment: string; userId: string };

/**
 * The one place a decision is written, for every kind of approval: inside the caller's transaction,
 * on the approval row the caller locked. A decided approval refuses a second decision, and its
 * requester may not decide it (four-eyes, however the request came: by hand, a schedule, the API).
 */
export async function recordDecision(
  tx: TDbOrTx,
  approval: { id: string; status: string; requestedBy: string | null },
  params: TDecisionParams,
  about: { requester: string; details: Record<string, unknown> },
): Promise<void> {
  if (approval.status !== 'pending') throw new AppError('CONFLICT', `This approval was already ${approval.status}`);
  if (approval.requestedBy === params.userId) throw new AppError('FORBIDDEN', `${about.requester}: another approver must decide (four-eyes rule)`);
  await tx
    .update(approvals)
    .set({ status: params.decision, decidedBy: params.userId, decidedAt: sql`now()`, comment: params.comment })
    .where(eq(approvals.id, approval.id));
  await recordAudit(tx, {
    projectId: params.projectId,
    actor: params.userId,
    action: params.decision === 'approved' ? 'approval.approve' : 'approval.reject',
    targetType: 'approval',
    targetId: approval.id,
    details: { ...about.details, comment: params.comment },
  });
}
