import { sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client';

/**
 * The sha256 of the data a drift check held against the reference (what fed its `current` port):
 * the retraining run's data parameter. Read from the step's recorded inputs and its run's plan.
 */
export async function checkedDataHash(db: TDbOrTx, check: { runId: string; nodeId: string }): Promise<string | null> {
  const found = await db.execute<{ hash: string }>(sql`
    select a.hash from step_artifacts a
    join runs r on r.id = a.run_id
    join pipeline_versions v on v.id = r.version_id,
    jsonb_array_elements(v.plan->'steps') s, jsonb_array_elements(s->'inputs') i
    where a.run_id = ${check.runId} and a.node_id = ${check.nodeId} and a.direction = 'input'
      and s->>'nodeId' = ${check.nodeId} and i->>'toPort' = 'current' and a.name like (i->>'fromNode') || '/%'
    order by a.name limit 1`);
  return found.rows[0]?.hash ?? null;
}
