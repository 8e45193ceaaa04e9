import { and, eq } from 'drizzle-orm';
import { approvals } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { recordStepStatus } from '../runs/record-step-status';

/** Opens the gate's approval (once per run and node, so a retried activity returns the same one). */
export async function createApproval(
  db: TDatabase,
  params: { runId: string; projectId: string; nodeId: string; instructions: string; timeoutHours: number; requestedBy: string | null },
): Promise<{ approvalId: string }> {
  const expiresAt = new Date(Date.now() + params.timeoutHours * 3_600_000);
  await db
    .insert(approvals)
    .values({ ...params, expiresAt })
    .onConflictDoNothing({ target: [approvals.runId, approvals.nodeId] });
  const [row] = await db
    .select({ id: approvals.id })
    .from(approvals)
    .where(and(eq(approvals.runId, params.runId), eq(approvals.nodeId, params.nodeId)));
  await recordStepStatus(db, { runId: params.runId, nodeId: params.nodeId, status: 'waiting_approval' });
  return { approvalId: row!.id };
}
