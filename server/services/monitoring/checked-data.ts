import { sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client';

/**
 * The sha256 of the data a drift check held against the reference: what the step feeding its
 * `current` port wrote in the same run (recorded even when the check itself came from the step
 * cache, which records no inputs). The retraining run's data parameter.
 */
export async function checkedDataHash(db: TDbOrTx, check: { runId: string; nodeId: string }): Promise<string | null> {
  const found = await db.execute<{ hash: string }>(sql`
    select a.hash from runs r
    join pipeline_versions v on v.id = r.version_id,
    jsonb_array_elements(v.plan->'steps') s, jsonb_array_elements(s->'inputs') i, step_artifacts a
    where r.id = ${check.runId} and s->>'nodeId' = ${check.nodeId} and i->>'toPort' = 'current'
      and a.run_id = r.id and a.node_id = i->>'fromNode' and a.direction = 'output'
    order by a.name like (i->>'fromPort') || '%' desc, a.name limit 1`);
  return found.rows[0]?.hash ?? null;
}
