import { and, eq } from 'drizzle-orm';
import { approvals } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';

/**
 * Opens the gate's approval (once per run and node, so a retried activity returns the same one).
 * The step shows waiting through the run's records, in order after the steps before it.
 */
export async function createApproval(
  db: TDatabase,
  params: { runId: string; projectId: string; nodeId: string; instructions: string; timeoutHours: number; requestedBy: string | null },
): Promise<{ approvalId: string }> {
  const expiresAt = new Date(Date.now() + params.timeoutHours * 3_600_000);
  return db.transaction(async (tx) => {
    await tx
      .insert(approvals)
      .values({ ...params, expiresAt })
      .onConflictDoNothing({ target: [approvals.runId, approvals.nodeId] });
    const [row] = await tx
      .select({ id: approvals.id })
      .from(approvals)
      .where(and(eq(approvals.runId, params.runId), eq(approvals.nodeId, params.nodeId)));
    return { approvalId: row!.id };
  });
}
