import { createHash } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, pipelines, pipelineVersions, runs } from '../../../drizzle/schema';
import { PIPELINE_RUN_WORKFLOW, runWorkflowId, type TPipelineRunInput } from '../../../workflows/contract/run-workflow';
import { CONTROL_TASK_QUEUE, parameterDefinitions, planArtifactReads, planSecretNames, resolveParameterValues, type TParameterValue, type TPlan, type TStepOutputs } from '../../../workflows/dsl';
import { AppError, notFound } from '../../errors';
import type { TDbOrTx } from '../../db/client';
import { recordAudit, type TAuditEntry } from '../audit/record-audit';
import { missingSecrets, missingText } from '../secrets/missing-secrets';
import { dispatchOf, stepRowsOf } from './begin-run';
import { checkArtifactReads } from './check-artifact-reads';
import { planCache } from './plan-cache';
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
 * Inserts the run and starts its workflow at once, each keyed by the request (the run's id is
 * derived from its project and request id, its workflow id from the run's): a repeated request
 * inserts nothing and starts nothing, and returns the first run. Both are on the path of every
 * click of Run, so they go in parallel rather than one inside the other's transaction; whatever
 * one of them leaves when the other fails is undone here: a row whose workflow Temporal refused is
 * deleted, a workflow whose row could not be written is terminated. (Records of a workflow whose
 * row has not committed yet are held back by the record writer until it has.)
 */
export async function startRun(deps: TServiceDeps, params: TStartRun): Promise<{ runId: string }> {
  // the reads at once: a run's start is on the path of every click of Run (the plan only when not cached)
  const cached = planCache.get(params.versionId);
  const [[row], dispatch] = await Promise.all([
    deps.db
      .select({ id: pipelineVersions.id, pipelineId: pipelineVersions.pipelineId, number: pipelineVersions.number, archivedAt: pipelines.archivedAt, ...(cached ? {} : { plan: pipelineVersions.plan }) })
      .from(pipelineVersions)
      .innerJoin(pipelines, eq(pipelines.id, pipelineVersions.pipelineId))
      .where(and(eq(pipelineVersions.id, params.versionId), eq(pipelines.projectId, params.projectId))),
    dispatchOf(deps.db, { projectId: params.projectId, priority: params.priority ?? 3 }),
  ]);
  if (!row) throw notFound('Pipeline version');
  if (row.archivedAt) throw new AppError('CONFLICT', 'The pipeline is archived: restore it before running it');
  const version = { ...row, plan: cached ?? row.plan! };
  if (!cached) planCache.set(version.id, version.plan);
  const runParams = resolveParams(version.plan, params.params);
  const [missing] = await Promise.all([
    missingSecrets(deps.db, params.projectId, planSecretNames(version.plan)),
    checkArtifactReads(deps.db, params.projectId, planArtifactReads(version.plan, runParams)),
  ]);
  if (missing.length) throw new AppError('PRECONDITION_FAILED', `${missingText(missing)}: an admin must set ${missing.length === 1 ? 'it' : 'them'} before this version can run`);

  const runId = runIdOf(params.projectId, params.requestId);
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
  // (the workflow's start is the longer of the two: its request leaves first, then the insert is built)
  const starting = deps.temporal.workflow.start(PIPELINE_RUN_WORKFLOW, {
    workflowId,
    taskQueue: CONTROL_TASK_QUEUE,
    args: [input],
    priority: { priorityKey: params.priority ?? 3 },
    // a repeated request finds its run's workflow, running or closed, and starts nothing
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
  const [started, inserted] = await Promise.allSettled([starting, insertRun(deps.db, run, audit, version.plan)]);
  const duplicate = started.status === 'rejected' && started.reason instanceof WorkflowExecutionAlreadyStartedError;
  if (inserted.status === 'rejected') {
    if (started.status === 'fulfilled') await terminateOrphan(deps, workflowId);
    throw inserted.reason;
  }
  if (inserted.value) {
    // (a workflow already there is this row's: an earlier try started it and then lost its row)
    if (started.status === 'fulfilled' || duplicate) return { runId };
    await takeBack(deps, runId, audit, started.reason);
    throw started.reason;
  }
  // the request id was used before: its run is the answer (a row an earlier try left without its
  // workflow has one now); a workflow started for another run's request id is stopped
  const [first] = await deps.db.select({ id: runs.id, projectId: runs.projectId }).from(runs).where(eq(runs.requestId, params.requestId));
  if (started.status === 'fulfilled' && first?.id !== runId) await terminateOrphan(deps, workflowId);
  if (!first) throw new AppError('CONFLICT', 'The run request is being processed; try again');
  if (first.projectId !== params.projectId) throw new AppError('CONFLICT', 'This request id was already used');
  return { runId: first.id };
}

/**
 * The row of a run whose workflow Temporal refused is deleted (its step rows with it); the audit
 * trail is append-only, so its `run.start` entry is followed by one that says it did not start.
 */
async function takeBack(deps: TServiceDeps, runId: string, start: TAuditEntry, reason: unknown): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx.delete(runs).where(eq(runs.id, runId));
    await recordAudit(tx, { ...start, action: 'run.start_refused', details: { ...start.details, reason: reason instanceof Error ? reason.message : String(reason) } });
  });
}

/**
 * A run's id follows from its project and request id (UUID version 5 layout over SHA-1), so that
 * the row and the workflow, written in parallel, are each keyed by the request.
 */
export function runIdOf(projectId: string, requestId: string): string {
  const hash = createHash('sha1').update(`weft-run:${projectId}:${requestId}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A workflow started for a run that has no row must not go on: it could run steps for nobody. */
async function terminateOrphan(deps: TServiceDeps, workflowId: string): Promise<void> {
  await deps.temporal.workflow
    .getHandle(workflowId)
    .terminate('its run could not be recorded')
    .catch((error: unknown) => console.error(`[weft] could not stop workflow ${workflowId} of a run that was not recorded:`, error));
}

/**
 * The run, its audit entry and its pending step rows in one statement (all or nothing, one round
 * trip instead of three on the path of every click of Run). Writes nothing, and says so, when the
 * request id was used before. (No conflict target: two starts of one request at once collide on
 * the run's id, derived from it, as well as on the request id, and an arbiter of the request id
 * alone let the id's unique violation through.)
 */
async function insertRun(tx: TDbOrTx, run: typeof runs.$inferInsert & { id: string }, audit: TAuditEntry, plan: TPlan): Promise<boolean> {
  const inserted = await tx.execute(sql`
    with r as (${tx.insert(runs).values(run).onConflictDoNothing().returning({ id: runs.id }).getSQL()}),
    a as (insert into ${auditLog} (project_id, actor, action, target_type, target_id, details)
      select ${audit.projectId}::uuid, ${audit.actor}, ${audit.action}, ${audit.targetType}, ${audit.targetId}, ${JSON.stringify(audit.details ?? {})}::jsonb
      where exists (select 1 from r)),
    s as (${stepRowsOf(run.id, plan, sql`exists (select 1 from r)`)})
    select id from r`);
  return inserted.rows.length > 0;
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
