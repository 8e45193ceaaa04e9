import { and, eq, sql } from 'drizzle-orm';
import { approvals, runs } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';

/**
 * Opens the gate's approval (once per run and node, so a retried activity returns the same one).
 * Its requester, who may not decide it (four-eyes), is whoever the run is on behalf of as Postgres
 * holds it (the user who started it, or its schedule's creator), never the workflow's word.
 * The step shows waiting through the run's records, in order after the steps before it.
 */
export async function createApproval(
  db: TDatabase,
  params: { runId: string; projectId: string; nodeId: string; instructions: string; timeoutHours: number },
): Promise<{ approvalId: string }> {
  const expiresAt = new Date(Date.now() + params.timeoutHours * 3_600_000);
  const requestedBy = sql`(select ${runs.startedBy} from ${runs} where ${runs.id} = ${params.runId})`;
  return db.transaction(async (tx) => {
    await tx
      .insert(approvals)
      .values({ ...params, requestedBy, expiresAt })
      .onConflictDoNothing({ target: [approvals.runId, approvals.nodeId] });
    const [row] = await tx
      .select({ id: approvals.id })
      .from(approvals)
      .where(and(eq(approvals.runId, params.runId), eq(approvals.nodeId, params.nodeId)));
    return { approvalId: row!.id };
  });
}
