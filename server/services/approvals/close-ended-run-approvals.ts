import { sql } from 'drizzle-orm';
import { approvals, auditLog } from '../../../drizzle/schema';
import type { TRunStatus } from '../../../workflows/dsl';
import { arrayParam } from '../../db/array-param';
import type { TDbOrTx } from '../../db/client';

export type TEndedRun = { runId: string; status: TRunStatus; error: string | null };

/** Why an approval of an ended run was closed: its comment and its audit entry say so. */
export const runEndedReason = (run: TEndedRun) => `Its run ended (${run.status})${run.error ? `: ${run.error}` : ''}`;

/**
 * A run that ended waits at no gate: its approvals still pending are closed as cancelled, with the
 * run's end as the reason, so none can be decided (or stay in the inbox) after it. Called in the
 * transaction that records the runs' end; a gate that closed its own approval left nothing here.
 */
export async function closeEndedRunApprovals(tx: TDbOrTx, ended: TEndedRun[]): Promise<void> {
  if (ended.length === 0) return;
  await tx.execute(sql`
    with closed as (
      update ${approvals} as a set status = 'cancelled', decided_at = now(), comment = v.reason
      from unnest(${arrayParam(ended.map((r) => r.runId))}::uuid[], ${arrayParam(ended.map(runEndedReason))}::text[]) as v(run_id, reason)
      where a.run_id = v.run_id and a.status = 'pending'
      returning a.id, a.project_id, a.run_id, v.reason
    )
    insert into ${auditLog} (project_id, actor, action, target_type, target_id, details)
    select project_id, 'system:run-ended', 'approval.cancel', 'approval', id::text, jsonb_build_object('runId', run_id, 'reason', reason) from closed`);
}
