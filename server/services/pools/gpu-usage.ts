import { and, desc, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { pipelines, projects, runs, stepAttempts, steps, teams } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';

export type TPeriod = { from: Date; to: Date };

/** GPU-hours per team and per pipeline over a period: the attempts that ended in it (GPUs × time held). */
export async function gpuUsage(db: TDbOrTx, period: TPeriod) {
  const hours = sql<number>`coalesce(sum(${stepAttempts.gpuSeconds}), 0) / 3600.0`;
  const inPeriod = and(isNotNull(stepAttempts.gpuSeconds), gte(stepAttempts.endedAt, period.from), lt(stepAttempts.endedAt, period.to));
  const team = sql<string>`coalesce(${teams.name}, 'unassigned')`;
  const byPipeline = await db
    .select({ team, pipeline: pipelines.name, project: projects.name, gpuHours: hours, attempts: sql<number>`count(*)` })
    .from(stepAttempts)
    .innerJoin(runs, eq(runs.id, stepAttempts.runId))
    .innerJoin(pipelines, eq(pipelines.id, runs.pipelineId))
    .innerJoin(projects, eq(projects.id, runs.projectId))
    .leftJoin(teams, eq(teams.id, projects.teamId))
    .where(inPeriod)
    .groupBy(teams.name, projects.name, pipelines.name)
    .orderBy(desc(hours));
  const byTeam = new Map<string, number>();
  for (const row of byPipeline) byTeam.set(row.team, (byTeam.get(row.team) ?? 0) + Number(row.gpuHours));
  return {
    byTeam: [...byTeam].map(([teamName, gpuHours]) => ({ team: teamName, gpuHours })).sort((a, b) => b.gpuHours - a.gpuHours),
    byPipeline: byPipeline.map((r) => ({ team: r.team, project: r.project, pipeline: r.pipeline, gpuHours: Number(r.gpuHours), attempts: Number(r.attempts) })),
  };
}

/**
 * A pool's last hour, minute by minute, from the attempt records (history kept in Postgres):
 * steps running and GPUs held on average in each minute.
 */
export async function poolUtilisation(db: TDbOrTx, pool: string, now = new Date()) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const result = await db.execute<{ minute: string; steps: number; gpus: number }>(sql`
    with minutes as (
      select generate_series(date_trunc('minute', ${at}) - interval '59 minutes',
                             date_trunc('minute', ${at}), interval '1 minute') as t
    )
    select m.t as minute,
           coalesce(sum(extract(epoch from least(coalesce(a.ended_at, ${at}), m.t + interval '1 minute') - greatest(a.started_at, m.t))), 0) / 60.0 as steps,
           coalesce(sum(coalesce(array_length(a.gpu_devices, 1), 0) * extract(epoch from least(coalesce(a.ended_at, ${at}), m.t + interval '1 minute') - greatest(a.started_at, m.t))), 0) / 60.0 as gpus
    from minutes m
    left join ${stepAttempts} a on a.started_at < m.t + interval '1 minute' and coalesce(a.ended_at, ${at}) > m.t
      and exists (select 1 from ${steps} s where s.run_id = a.run_id and s.node_id = a.node_id and s.pool = ${pool})
    group by m.t order by m.t`);
  return result.rows.map((r) => ({ minute: new Date(r.minute).toISOString(), steps: Number(r.steps), gpus: Number(r.gpus) }));
}
