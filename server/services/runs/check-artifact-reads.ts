import { sql } from 'drizzle-orm';
import { runs, stepArtifacts, trackingArtifacts, trackingExperiments, trackingLoggedModels, trackingRuns } from '../../../drizzle/schema';
import type { TPlanArtifactRead } from '../../../workflows/dsl';
import type { TDbOrTx } from '../../db/client';
import { arrayParam } from '../../db/array-param';
import { AppError } from '../../errors';

/**
 * A step may read a stored artifact by its hash only when the artifact is its project's: one that
 * a step of the project's runs wrote (hashed by the pool worker from the files), or that a tracking
 * run or logged model of its experiments holds (hashed by web from the upload). What a step read is
 * no proof: before this check a run could read another project's hash. The store is shared by content, so the pool worker, which has no database,
 * would hand over any hash: this check, before a run or a step test starts, is what keeps one
 * project from reading another's data. Refused (400) naming the step and the field.
 */
export async function checkArtifactReads(db: TDbOrTx, projectId: string, reads: readonly TPlanArtifactRead[]): Promise<void> {
  if (reads.length === 0) return;
  const hashes = [...new Set(reads.map((r) => r.hash))];
  const held = await db.execute<{ hash: string }>(sql`
    select h.hash from unnest(${arrayParam(hashes)}::text[]) as h(hash)
    where exists (
        select 1 from ${stepArtifacts} sa join ${runs} r on r.id = sa.run_id
        where sa.hash = h.hash and sa.direction = 'output' and r.project_id = ${projectId})
      or exists (
        select 1 from ${trackingArtifacts} ta
        left join ${trackingRuns} tr on tr.run_uuid = ta.run_uuid
        left join ${trackingLoggedModels} tm on tm.model_id = ta.model_id
        join ${trackingExperiments} e on e.id = coalesce(tr.experiment_id, tm.experiment_id)
        where ta.sha256 = h.hash and e.project_id = ${projectId})`);
  const ours = new Set(held.rows.map((row) => row.hash));
  const foreign = reads.filter((r) => !ours.has(r.hash));
  if (foreign.length === 0) return;
  throw new AppError('BAD_REQUEST', foreign.map((r) => `${r.step}: ${r.name}: no artifact of this project has sha256 ${r.hash}`).join('; '));
}
