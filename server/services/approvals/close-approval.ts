import { and, eq } from 'drizzle-orm';
import { approvals } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { recordAudit } from '../audit/record-audit';

/** The gate closed without a decision: its timeout passed (expired) or its run was cancelled. */
export async function closeApproval(db: TDatabase, params: { approvalId: string; status: 'expired' | 'cancelled' }): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(approvals)
      .set({ status: params.status, decidedAt: new Date() })
      .where(and(eq(approvals.id, params.approvalId), eq(approvals.status, 'pending')))
      .returning({ projectId: approvals.projectId });
    if (row) {
      const actor = params.status === 'expired' ? 'system:timeout' : 'system:cancel';
      await recordAudit(tx, { projectId: row.projectId, actor, action: `approval.${params.status === 'expired' ? 'expire' : 'cancel'}`, targetType: 'approval', targetId: params.approvalId });
    }
  });
}
