import { eq, sql, type SQL } from 'drizzle-orm';
import { pools, projects, runs, schedules, steps, teamPoolShares } from '../../../drizzle/schema';
import type { TDispatch, TPipelineRunInput } from '../../../workflows/contract/run-workflow';
import { isPoolExecutor, type TPlan } from '../../../workflows/dsl';
import { arrayParam } from '../../db/array-param';
import type { TDatabase, TDbOrTx } from '../../db/client';
import { recordAudit } from '../audit/record-audit';

export class RunRowMissingError extends Error {}

/**
 * Who a run web did not start is on behalf of, read from Postgres: a scheduled run's is its
 * schedule's creator, a sub-pipeline's its parent run's. They may not approve its gates (four-eyes).
 */
const requesterOf = (trigger: TPipelineRunInput['trigger']): SQL | string => {
  switch (trigger.kind) {
    case 'schedule':
      return sql`(select ${schedules.createdBy} from ${schedules} where ${schedules.id} = ${trigger.scheduleId})`;
    case 'pipeline':
      return sql`(select ${runs.startedBy} from ${runs} where ${runs.id} = ${trigger.parentRunId})`;
    case 'manual':
      return trigger.userId;
  }
};

/**
 * First control activity of a run that web did not prepare (scheduled runs, sub-pipelines, runs
 * begun before web did): marks the run running, creates its step rows, and says how its steps are
 * dispatched (its team's fair share of each pool, its priority).
 * A manual run's row already exists (web made it); a scheduled run's or a sub-pipeline's row is
 * made here, with its requester, keyed by the workflow id, so a retried activity creates nothing twice.
 */
export async function beginRun(db: TDatabase, input: TPipelineRunInput & { workflowId: string }): Promise<{ runId: string; dispatch: TDispatch }> {
  return db.transaction(async (tx) => {
    let runId = input.runId;
    if (runId) {
      const [row] = await tx.select({ id: runs.id }).from(runs).where(eq(runs.id, runId));
      if (!row) throw new RunRowMissingError(`Run ${runId} does not exist`);
    } else {
      const { trigger } = input;
      const scheduleId = trigger.kind === 'schedule' ? trigger.scheduleId : null;
      const [inserted] = await tx
        .insert(runs)
        .values({
          projectId: input.projectId,
          pipelineId: input.pipelineId,
          versionId: input.versionId,
          workflowId: input.workflowId,
          trigger: trigger.kind,
          scheduleId,
          startedBy: requesterOf(trigger),
          ...(trigger.kind === 'pipeline' ? { parentRunId: trigger.parentRunId, parentNodeId: trigger.parentNodeId } : {}),
          params: input.params,
        })
        .onConflictDoNothing({ target: runs.workflowId })
        .returning({ id: runs.id });
      if (inserted) {
        await recordAudit(tx, {
          projectId: input.projectId,
          actor: `system:${trigger.kind}`,
          action: 'run.start',
          targetType: 'run',
          targetId: inserted.id,
          details: { versionId: input.versionId, ...(scheduleId ? { scheduleId } : {}), ...(trigger.kind === 'pipeline' ? { parentRunId: trigger.parentRunId } : {}) },
        });
      }
      runId = inserted?.id ?? (await tx.select({ id: runs.id }).from(runs).where(eq(runs.workflowId, input.workflowId)))[0]!.id;
    }
    const [run] = await tx
      .update(runs)
      .set({ status: 'running', startedAt: sql`coalesce(${runs.startedAt}, now())` })
      .where(eq(runs.id, runId))
      .returning({ priority: runs.priority });
    await insertStepRows(tx, runId, input.plan);
    return { runId, dispatch: await dispatchOf(tx, { projectId: input.projectId, priority: run!.priority }) };
  });
}

/** A run's step rows, pending, to be updated by its records. */
export async function insertStepRows(tx: TDbOrTx, runId: string, plan: TPlan): Promise<void> {
  await tx.execute(sql`${stepRowsOf(runId, plan)} on conflict do nothing`);
}

/**
 * The `insert` of a run's pending step rows (one array parameter per column), only `when` that
 * holds; a pool step's row carries its schedule-to-start limit (the run page's "no worker" flag).
 */
export const stepRowsOf = (runId: string, plan: TPlan, when: SQL = sql`true`): SQL =>
  sql`insert into ${steps} (run_id, node_id, pool, wait_limit_ms)
    select ${runId}::uuid, n.node_id, n.pool, n.wait_limit_ms
    from unnest(
      ${arrayParam(plan.steps.map((s) => s.nodeId))}::text[], ${arrayParam(plan.steps.map((s) => s.pool))}::text[],
      ${arrayParam(plan.steps.map((s) => (isPoolExecutor(s.executor) ? s.scheduleToStartTimeoutMs : null)))}::int[]
    ) as n(node_id, pool, wait_limit_ms)
    where ${when}`;

/** Runs of a project without a team share one fairness key. */
export const UNASSIGNED_TEAM = 'unassigned';

/**
 * How a run's steps are dispatched: read when the run begins (by web, or by beginRun), in one
 * query: its project's team and that team's share of each pool.
 */
export async function dispatchOf(tx: TDbOrTx, run: { projectId: string; priority: number }): Promise<TDispatch> {
  const rows = await tx
    .select({ teamId: projects.teamId, pool: pools.name, weight: teamPoolShares.weight, gpuQuota: teamPoolShares.gpuQuota })
    .from(projects)
    .leftJoin(teamPoolShares, eq(teamPoolShares.teamId, projects.teamId))
    .leftJoin(pools, eq(pools.id, teamPoolShares.poolId))
    .where(eq(projects.id, run.projectId));
  const teamId = rows[0]?.teamId ?? null;
  const shares = rows.flatMap((r) => (r.pool === null || r.weight === null ? [] : [{ pool: r.pool, weight: r.weight, gpuQuota: r.gpuQuota }]));
  const quotas = shares.flatMap((s) => (s.gpuQuota === null ? [] : [[s.pool, s.gpuQuota] as const]));
  return {
    fairnessKey: teamId ?? UNASSIGNED_TEAM,
    fairnessWeights: Object.fromEntries(shares.map((s) => [s.pool, s.weight])),
    priority: run.priority,
    ...(teamId ? { teamId } : {}),
    ...(quotas.length ? { gpuQuotas: Object.fromEntries(quotas) } : {}),
  };
}
