import { eq } from 'drizzle-orm';
import { approvals } from '../../../drizzle/schema';
import type { TApprovalState } from '../../../workflows/contract/activities';
import type { TDatabase } from '../../db/client';

/**
 * Where an approval stands, as Postgres holds it: the gate moves on this, never on a signal's
 * word (any process that reaches Temporal could send one).
 */
export async function readApprovalDecision(db: TDatabase, params: { approvalId: string }): Promise<TApprovalState> {
  const [row] = await db.select({ status: approvals.status, comment: approvals.comment }).from(approvals).where(eq(approvals.id, params.approvalId));
  if (!row || row.status === 'pending') return { status: 'pending' };
  return { status: row.status, comment: row.comment ?? '' };
}
