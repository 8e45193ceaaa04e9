import { and, asc, eq, sql } from 'drizzle-orm';
import { pipelines, pipelineVersions, runs, stepAttempts, steps, user } from '../../../drizzle/schema';
import type { TDatabase, TDbOrTx } from '../../db/client';
import { notFound } from '../../errors';
import { runAlerts } from '../monitoring/run-alerts';

export async function findRun(db: TDbOrTx, projectId: string, runId: string) {
  const [run] = await db
    .select()
    .from(runs)
    .where(and(eq(runs.id, runId), eq(runs.projectId, projectId)));
  if (!run) throw notFound('Run');
  return run;
}

/**
 * A step's flag: the one its run recorded (its team's GPU quota is full), else "no worker" for a
 * pool step that started longer ago than its schedule-to-start limit and has no attempt yet (it
 * still waits in its pool's task queue).
 */
const stepFlag = sql<string | null>`coalesce(${steps.flag}, case
  when ${steps.status} = 'running' and ${steps.waitLimitMs} is not null
    and ${steps.startedAt} < now() - ${steps.waitLimitMs} * interval '1 millisecond'
    and not exists (select 1 from ${stepAttempts} a where a.run_id = ${steps.runId} and a.node_id = ${steps.nodeId})
  then 'No worker in pool "' || ${steps.pool} || '" has picked this step up yet' end)`;

/**
 * Run state for the UI: read from Postgres, where the control worker records it. The run and its
 * steps are read in one snapshot (repeatable read): in separate reads a gate could show waiting
 * while its run still showed queued, the records of the moment between having been committed.
 */
export function getRun(db: TDatabase, projectId: string, runId: string) {
  return db.transaction((tx) => readRun(tx, projectId, runId), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

async function readRun(db: TDbOrTx, projectId: string, runId: string) {
  const [row] = await db
    .select({ run: runs, pipeline: { id: pipelines.id, name: pipelines.name }, version: { id: pipelineVersions.id, number: pipelineVersions.number, spec: pipelineVersions.spec }, startedByName: user.name })
    .from(runs)
    .innerJoin(pipelines, eq(pipelines.id, runs.pipelineId))
    .innerJoin(pipelineVersions, eq(pipelineVersions.id, runs.versionId))
    .leftJoin(user, eq(user.id, runs.startedBy))
    .where(and(eq(runs.id, runId), eq(runs.projectId, projectId)));
  if (!row) throw notFound('Run');
  const stepRows = await db
    .select({ nodeId: steps.nodeId, status: steps.status, origin: steps.origin, flag: stepFlag, attempts: steps.attempts, error: steps.error, startedAt: steps.startedAt, endedAt: steps.endedAt })
    .from(steps)
    .where(eq(steps.runId, runId))
    .orderBy(asc(steps.nodeId));
  const monitoring = await runAlerts(db, runId);
  const children = await db.select({ nodeId: runs.parentNodeId, runId: runs.id }).from(runs).where(eq(runs.parentRunId, runId));
  const { run } = row;
  return {
    /** sub-pipeline steps' own runs */
    childRuns: children.map((c) => ({ nodeId: c.nodeId!, runId: c.runId })),
    /** the alert that started it, and those its drift checks fired */
    ...monitoring,
    run: { id: run.id, status: run.status, trigger: run.trigger, retryOfRunId: run.retryOfRunId, parentRunId: run.parentRunId, error: run.error, params: run.params, createdAt: run.createdAt, startedAt: run.startedAt, endedAt: run.endedAt, startedByName: row.startedByName },
    pipeline: row.pipeline,
    version: row.version,
    steps: stepRows,
  };
}
