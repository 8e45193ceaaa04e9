import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { pipelines, pipelineVersions, runs, runTriggerEnum, schedules, user } from '../../../drizzle/schema';
import { RUN_STATUSES } from '../../../workflows/dsl';
import type { TDatabase } from '../../db/client';

/** (inputs are plain JSON: times travel as ISO strings) */
const ZInstantSchema = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

export const ZBrowseRunsSchema = z.object({
  pipelineId: z.uuid().optional(),
  status: z.enum(RUN_STATUSES).optional(),
  trigger: z.enum(runTriggerEnum.enumValues).optional(),
  /** whom the runs are on behalf of (a user id) */
  startedBy: z.string().max(100).optional(),
  from: ZInstantSchema.optional(),
  to: ZInstantSchema.optional(),
  /** the last run of the page before (keyset paging: stable while new runs arrive) */
  after: z.object({ createdAt: z.string().max(40).regex(/^[0-9 :.T+-]+$/, 'not a time'), id: z.uuid() }).optional(),
  pageSize: z.number().int().min(1).max(100).default(50),
});
export type TBrowseRuns = z.infer<typeof ZBrowseRunsSchema>;

/**
 * The project's runs, newest first, filtered by pipeline, status, trigger, requester and time, a
 * page at a time after a (createdAt, id) key: the index on (project, created_at) serves it however
 * many runs there are, and a page does not shift as new runs start.
 */
export async function browseRuns(db: TDatabase, projectId: string, query: TBrowseRuns) {
  const where: SQL[] = [eq(runs.projectId, projectId)];
  if (query.pipelineId) where.push(eq(runs.pipelineId, query.pipelineId));
  if (query.status) where.push(eq(runs.status, query.status));
  if (query.trigger) where.push(eq(runs.trigger, query.trigger));
  if (query.startedBy) where.push(eq(runs.startedBy, query.startedBy));
  if (query.from) where.push(gte(runs.createdAt, query.from));
  if (query.to) where.push(lt(runs.createdAt, query.to));
  // (the key is Postgres's own text of the time: a JS Date would drop its microseconds)
  if (query.after) where.push(sql`(${runs.createdAt}, ${runs.id}) < (${query.after.createdAt}::timestamptz, ${query.after.id}::uuid)`);
  const rows = await db
    .select({
      id: runs.id,
      status: runs.status,
      trigger: runs.trigger,
      pipelineId: runs.pipelineId,
      pipelineName: pipelines.name,
      versionNumber: pipelineVersions.number,
      startedByName: user.name,
      scheduleName: schedules.name,
      createdAt: runs.createdAt,
      key: sql<string>`${runs.createdAt}::text`,
      startedAt: runs.startedAt,
      endedAt: runs.endedAt,
      error: runs.error,
    })
    .from(runs)
    .innerJoin(pipelines, eq(pipelines.id, runs.pipelineId))
    .innerJoin(pipelineVersions, eq(pipelineVersions.id, runs.versionId))
    .leftJoin(user, eq(user.id, runs.startedBy))
    .leftJoin(schedules, eq(schedules.id, runs.scheduleId))
    .where(and(...where))
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(query.pageSize + 1);
  const items = rows.slice(0, query.pageSize).map(({ key: _key, ...row }) => row);
  const last = rows[query.pageSize - 1];
  return { items, next: rows.length > query.pageSize && last ? { createdAt: last.key, id: last.id } : null, requesters: await requesters(db, projectId) };
}

/** Who has runs in the project: the choices of the "who" filter. */
async function requesters(db: TDatabase, projectId: string) {
  const rows = await db.execute<{ id: string; name: string }>(sql`
    select u.id, u.name from ${user} u where exists (select 1 from ${runs} r where r.project_id = ${projectId} and r.started_by = u.id) order by lower(u.name)`);
  return rows.rows;
}
