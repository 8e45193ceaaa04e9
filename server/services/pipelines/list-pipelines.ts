import { and, asc, eq, isNull, sql } from 'drizzle-orm';

// The correlated subqueries name the outer table in full: a bare column would bind to the inner one.
import { pipelines } from '../../../drizzle/schema';
import type { TRunStatus } from '../../../workflows/dsl';
import type { TDatabase } from '../../db/client';

/** The project's pipelines that are not archived, by name (pickers: schedules, sub-pipelines). */
export async function listPipelines(db: TDatabase, projectId: string) {
  const rows = await db
    .select({
      id: pipelines.id,
      name: pipelines.name,
      description: pipelines.description,
      updatedAt: pipelines.updatedAt,
      latestVersion: sql<{ id: string; number: number } | null>`(
        select json_build_object('id', v.id, 'number', v.number) from pipeline_versions v
        where v.pipeline_id = "pipelines"."id" order by v.number desc limit 1)`,
      lastRun: sql<{ id: string; status: TRunStatus; createdAt: string } | null>`(
        select json_build_object('id', r.id, 'status', r.status, 'createdAt', r.created_at) from runs r
        where r.pipeline_id = "pipelines"."id" order by r.created_at desc limit 1)`,
    })
    .from(pipelines)
    .where(and(eq(pipelines.projectId, projectId), isNull(pipelines.archivedAt)))
    .orderBy(asc(pipelines.name));
  return rows.map((row) => ({ ...row, lastRun: row.lastRun ? { ...row.lastRun, createdAt: new Date(row.lastRun.createdAt) } : null }));
}
