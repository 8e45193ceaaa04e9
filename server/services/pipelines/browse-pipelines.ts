import { and, asc, desc, eq, ilike, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { pipelines } from '../../../drizzle/schema';
import type { TRunStatus } from '../../../workflows/dsl';
import type { TDatabase } from '../../db/client';

export const ZBrowsePipelinesSchema = z.object({
  search: z.string().trim().max(200).default(''),
  tag: z.string().trim().max(50).optional(),
  sort: z.enum(['name', 'updated', 'created']).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  archived: z.boolean().default(false),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type TBrowsePipelines = z.infer<typeof ZBrowsePipelinesSchema>;

/** `%` and `_` the user types are letters, not wildcards. */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The pipelines page: search in names and descriptions (case-insensitive), a tag, sorted (names
 * case-insensitively), a page of them and how many there are; archived ones only when asked for.
 */
export async function browsePipelines(db: TDatabase, projectId: string, query: TBrowsePipelines) {
  const where: SQL[] = [eq(pipelines.projectId, projectId), query.archived ? isNotNull(pipelines.archivedAt) : isNull(pipelines.archivedAt)];
  if (query.search) where.push(sql`(${ilike(pipelines.name, likeText(query.search))} or ${ilike(pipelines.description, likeText(query.search))})`);
  if (query.tag) where.push(sql`${query.tag} = any(${pipelines.tags})`);
  const key = query.sort === 'name' ? sql`lower(${pipelines.name})` : query.sort === 'updated' ? pipelines.updatedAt : pipelines.createdAt;
  const order = query.direction === 'asc' ? asc(key) : desc(key);
  const rows = await db
    .select({
      id: pipelines.id,
      name: pipelines.name,
      description: pipelines.description,
      tags: pipelines.tags,
      updatedAt: pipelines.updatedAt,
      archivedAt: pipelines.archivedAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
      // (the correlated subqueries name the outer table in full: a bare column would bind to the inner one)
      latestVersion: sql<{ id: string; number: number } | null>`(
        select json_build_object('id', v.id, 'number', v.number) from pipeline_versions v
        where v.pipeline_id = "pipelines"."id" order by v.number desc limit 1)`,
      lastRun: sql<{ id: string; status: TRunStatus; createdAt: string } | null>`(
        select json_build_object('id', r.id, 'status', r.status, 'createdAt', r.created_at) from runs r
        where r.pipeline_id = "pipelines"."id" order by r.created_at desc limit 1)`,
    })
    .from(pipelines)
    .where(and(...where))
    .orderBy(order, asc(pipelines.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const tags = await db.execute<{ tag: string }>(sql`select distinct unnest(${pipelines.tags}) as tag from ${pipelines} where ${pipelines.projectId} = ${projectId} and ${pipelines.archivedAt} is null order by 1`);
  return {
    items: rows.map(({ total: _total, ...row }) => ({ ...row, lastRun: row.lastRun ? { ...row.lastRun, createdAt: new Date(row.lastRun.createdAt) } : null })),
    total: rows[0]?.total ?? (query.page === 1 ? 0 : await countOf(db, where)),
    tags: tags.rows.map((r) => r.tag),
  };
}

async function countOf(db: TDatabase, where: SQL[]): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(pipelines).where(and(...where));
  return row?.n ?? 0;
}
