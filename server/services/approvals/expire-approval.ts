import { and, eq } from 'drizzle-orm';
import { approvals } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { recordAudit } from '../audit/record-audit';

/** The gate's timeout passed without a decision. */
export async function expireApproval(db: TDatabase, approvalId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(approvals)
      .set({ status: 'expired', decidedAt: new Date() })
      .where(and(eq(approvals.id, approvalId), eq(approvals.status, 'pending')))
      .returning({ projectId: approvals.projectId });
    if (row) {
      await recordAudit(tx, { projectId: row.projectId, actor: 'system:timeout', action: 'approval.expire', targetType: 'approval', targetId: approvalId });
    }
  });
}
