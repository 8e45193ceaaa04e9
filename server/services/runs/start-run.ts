import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, pipelines, pipelineVersions, runs } from '../../../drizzle/schema';
import { PIPELINE_RUN_WORKFLOW, runWorkflowId, type TPipelineRunInput } from '../../../workflows/contract/run-workflow';
import { CONTROL_TASK_QUEUE, parameterDefinitions, planSecretNames, resolveParameterValues, type TParameterValue, type TPlan, type TStepOutputs } from '../../../workflows/dsl';
import { AppError, notFound } from '../../errors';
import type { TDbOrTx } from '../../db/client';
import type { TAuditEntry } from '../audit/record-audit';
import { missingSecrets, missingText } from '../secrets/missing-secrets';
import { dispatchOf, stepRowsOf } from './begin-run';
import type { TServiceDeps } from '../deps';

export type TStartRun = {
  projectId: string;
  versionId: string;
  params: Record<string, TParameterValue>;
  requestId: string;
  userId: string;
  /** 1 (highest) … 5 (lowest); 3 when left out */
  priority?: number;
  /** retry from failure: the run retried and the outputs of its succeeded steps */
  retryOf?: { runId: string; reuse: Record<string, TStepOutputs> };
  /** a schedule's "run now": the run is the schedule's, its requester the user who asked */
  scheduleId?: string;
  /** started by an alert rule's retraining: the alert (its link back is alerts.retrain_run_id) */
  alertId?: string;
};

/**
 * Inserts the run and starts its workflow in one transaction: if Temporal refuses, no row is left
 * behind. The client's request id is unique, so a repeated request returns the first run.
 */
export async function startRun(deps: TServiceDeps, params: TStartRun): Promise<{ runId: string }> {
  // the reads at once: a run's start is on the path of every click of Run
  const [[version], dispatch] = await Promise.all([
    deps.db
      .select({ id: pipelineVersions.id, pipelineId: pipelineVersions.pipelineId, plan: pipelineVersions.plan, number: pipelineVersions.number, archivedAt: pipelines.archivedAt })
      .from(pipelineVersions)
      .innerJoin(pipelines, eq(pipelines.id, pipelineVersions.pipelineId))
      .where(and(eq(pipelineVersions.id, params.versionId), eq(pipelines.projectId, params.projectId))),
    dispatchOf(deps.db, { projectId: params.projectId, priority: params.priority ?? 3 }),
  ]);
  if (!version) throw notFound('Pipeline version');
  if (version.archivedAt) throw new AppError('CONFLICT', 'The pipeline is archived: restore it before running it');
  const runParams = resolveParams(version.plan, params.params);
  const missing = await missingSecrets(deps.db, params.projectId, planSecretNames(version.plan));
  if (missing.length) throw new AppError('PRECONDITION_FAILED', `${missingText(missing)}: an admin must set ${missing.length === 1 ? 'it' : 'them'} before this version can run`);

  const started = await deps.db.transaction(async (tx) => {
    const runId = randomUUID();
    const workflowId = runWorkflowId(runId);
    const run = {
      id: runId,
      projectId: params.projectId,
      pipelineId: version.pipelineId,
      versionId: version.id,
      workflowId,
      requestId: params.requestId,
      retryOfRunId: params.retryOf?.runId ?? null,
      ...(params.scheduleId ? { trigger: 'schedule' as const, scheduleId: params.scheduleId } : {}),
      ...(params.alertId ? { trigger: 'alert' as const } : {}),
      startedBy: params.userId,
      params: runParams,
      priority: params.priority ?? 3,
    };
    const audit = {
      projectId: params.projectId,
      actor: params.userId,
      action: params.retryOf ? 'run.retry' : 'run.start',
      targetType: 'run',
      targetId: runId,
      details: {
        versionId: version.id,
        versionNumber: version.number,
        ...(params.retryOf ? { retryOf: params.retryOf.runId } : {}),
        ...(params.scheduleId ? { scheduleId: params.scheduleId } : {}),
        ...(params.alertId ? { alertId: params.alertId } : {}),
      },
    };
    if (!(await insertRun(tx, run, audit, version.plan))) return null; // the request id was used before
    const input: TPipelineRunInput = {
      runId,
      dispatch,
      projectId: params.projectId,
      pipelineId: version.pipelineId,
      versionId: version.id,
      plan: version.plan,
      params: runParams,
      trigger: params.scheduleId ? { kind: 'schedule', scheduleId: params.scheduleId } : { kind: 'manual', userId: params.userId },
      ...(params.retryOf ? { reuse: params.retryOf.reuse } : {}),
    };
    await deps.temporal.workflow.start(PIPELINE_RUN_WORKFLOW, { workflowId, taskQueue: CONTROL_TASK_QUEUE, args: [input], priority: { priorityKey: params.priority ?? 3 } });
    return { runId };
  });
  if (started) return started;
  // a repeated request (or a concurrent duplicate, which waited for the first to commit)
  const first = await findByRequestId(deps, params);
  if (!first) throw new AppError('CONFLICT', 'The run request is being processed; try again');
  return first;
}

/**
 * The run, its audit entry and its pending step rows in one statement: one round trip instead of
 * three on the path of every click of Run. Writes nothing, and says so, when the request id was
 * used before.
 */
async function insertRun(tx: TDbOrTx, run: typeof runs.$inferInsert & { id: string }, audit: TAuditEntry, plan: TPlan): Promise<boolean> {
  const inserted = await tx.execute(sql`
    with r as (${tx.insert(runs).values(run).onConflictDoNothing({ target: runs.requestId }).returning({ id: runs.id }).getSQL()}),
    a as (insert into ${auditLog} (project_id, actor, action, target_type, target_id, details)
      select ${audit.projectId}::uuid, ${audit.actor}, ${audit.action}, ${audit.targetType}, ${audit.targetId}, ${JSON.stringify(audit.details ?? {})}::jsonb
      where exists (select 1 from r)),
    s as (${stepRowsOf(run.id, plan, sql`exists (select 1 from r)`)})
    select id from r`);
  return inserted.rows.length > 0;
}

async function findByRequestId(deps: TServiceDeps, params: TStartRun) {
  const [row] = await deps.db
    .select({ id: runs.id, projectId: runs.projectId })
    .from(runs)
    .where(eq(runs.requestId, params.requestId));
  if (!row) return null;
  if (row.projectId !== params.projectId) throw new AppError('CONFLICT', 'This request id was already used');
  return { runId: row.id };
}

/**
 * Run parameters: the version's defaults, overridden by the request. An unknown name, a wrong type
 * or a choice not offered is refused (400) with a sentence per parameter, naming it.
 */
export function resolveParams(plan: TPlan, given: Record<string, TParameterValue>): Record<string, TParameterValue> {
  const resolved = resolveParameterValues(plan.parameterDefinitions ?? parameterDefinitions(plan.parameters), given);
  if (!resolved.ok) throw new AppError('BAD_REQUEST', resolved.problems.map((p) => p.message).join('; '));
  return resolved.values;
}
