import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { pools, projects, runs, steps, teams } from '../../../drizzle/schema';
import { EXECUTING_STEP_STATUSES } from '../../../workflows/dsl';
import type { TServiceDeps } from '../deps';
import { toCatalogEntry } from './pool-catalog';
import { describePoolQueue, type TPoolLive } from './pool-workers';

/**
 * Every pool with what an operator needs at a glance: its workers and backlog (from Temporal) and
 * its running steps per team (from Postgres). A pool Temporal cannot describe shows its error.
 */
export async function poolOverview(deps: TServiceDeps) {
  const rows = await deps.db.select().from(pools).orderBy(asc(pools.name));
  const running = await deps.db
    .select({ pool: steps.pool, team: sql<string>`coalesce(${teams.name}, 'unassigned')`, steps: count() })
    .from(steps)
    .innerJoin(runs, eq(runs.id, steps.runId))
    .innerJoin(projects, eq(projects.id, runs.projectId))
    .leftJoin(teams, eq(teams.id, projects.teamId))
    .where(and(inArray(steps.status, [...EXECUTING_STEP_STATUSES]), inArray(steps.pool, rows.map((r) => r.name))))
    .groupBy(steps.pool, teams.name);
  return Promise.all(
    rows.map(async (row) => {
      let live: TPoolLive | null = null;
      let liveError: string | null = null;
      try {
        live = await describePoolQueue(deps.temporal, row.name);
      } catch (error) {
        liveError = `Temporal could not describe the pool's task queue: ${(error as Error).message}`;
      }
      return {
        id: row.id,
        description: row.description,
        ...toCatalogEntry(row),
        live,
        liveError,
        runningByTeam: running.filter((r) => r.pool === row.name).map((r) => ({ team: r.team, steps: Number(r.steps) })),
      };
    }),
  );
}
