import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { pipelines, pipelineVersions, runs } from '../../../drizzle/schema';
import { PIPELINE_RUN_WORKFLOW, runWorkflowId, type TPipelineRunInput } from '../../../workflows/definitions/messages';
import { CONTROL_TASK_QUEUE, type TParameterValue, type TPlan, type TStepOutputs } from '../../../workflows/dsl';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { dispatchOf, insertStepRows } from './begin-run';
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
};

/**
 * Inserts the run and starts its workflow in one transaction: if Temporal refuses, no row is left
 * behind. The client's request id is unique, so a repeated request returns the first run.
 */
export async function startRun(deps: TServiceDeps, params: TStartRun): Promise<{ runId: string }> {
  // the reads at once: a run's start is on the path of every click of Run
  const [existing, [version], dispatch] = await Promise.all([
    findByRequestId(deps, params),
    deps.db
      .select({ id: pipelineVersions.id, pipelineId: pipelineVersions.pipelineId, plan: pipelineVersions.plan, number: pipelineVersions.number })
      .from(pipelineVersions)
      .innerJoin(pipelines, eq(pipelines.id, pipelineVersions.pipelineId))
      .where(and(eq(pipelineVersions.id, params.versionId), eq(pipelines.projectId, params.projectId))),
    dispatchOf(deps.db, { projectId: params.projectId, priority: params.priority ?? 3 }),
  ]);
  if (existing) return existing;
  if (!version) throw notFound('Pipeline version');
  const runParams = resolveParams(version.plan, params.params);

  return deps.db.transaction(async (tx) => {
    const runId = randomUUID();
    const workflowId = runWorkflowId(runId);
    const [run] = await tx
      .insert(runs)
      .values({
        id: runId,
        projectId: params.projectId,
        pipelineId: version.pipelineId,
        versionId: version.id,
        workflowId,
        requestId: params.requestId,
        retryOfRunId: params.retryOf?.runId ?? null,
        startedBy: params.userId,
        params: runParams,
        priority: params.priority ?? 3,
      })
      .onConflictDoNothing({ target: runs.requestId })
      .returning({ id: runs.id });
    if (!run) {
      // a concurrent duplicate committed first
      const again = await findByRequestId(deps, params);
      if (!again) throw new AppError('CONFLICT', 'The run request is being processed; try again');
      return again;
    }
    await recordAudit(tx, {
      projectId: params.projectId,
      actor: params.userId,
      action: params.retryOf ? 'run.retry' : 'run.start',
      targetType: 'run',
      targetId: run.id,
      details: { versionId: version.id, versionNumber: version.number, ...(params.retryOf ? { retryOf: params.retryOf.runId } : {}) },
    });
    // what beginRun would do, here in web's transaction: the run's first step is not kept waiting for it
    await insertStepRows(tx, run.id, version.plan);
    const input: TPipelineRunInput = {
      runId: run.id,
      dispatch,
      projectId: params.projectId,
      pipelineId: version.pipelineId,
      versionId: version.id,
      plan: version.plan,
      params: runParams,
      trigger: { kind: 'manual', userId: params.userId },
      ...(params.retryOf ? { reuse: params.retryOf.reuse } : {}),
    };
    await deps.temporal.workflow.start(PIPELINE_RUN_WORKFLOW, { workflowId, taskQueue: CONTROL_TASK_QUEUE, args: [input], priority: { priorityKey: params.priority ?? 3 } });
    return { runId: run.id };
  });
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

/** Run parameters: the version's defaults, overridden by the request; unknown names and wrong types are refused. */
export function resolveParams(plan: TPlan, given: Record<string, TParameterValue>): Record<string, TParameterValue> {
  for (const [name, value] of Object.entries(given)) {
    if (!Object.hasOwn(plan.parameters, name)) throw new AppError('BAD_REQUEST', `Unknown parameter "${name}"`);
    if (typeof value !== typeof plan.parameters[name]) {
      throw new AppError('BAD_REQUEST', `Parameter "${name}" must be a ${typeof plan.parameters[name]}`);
    }
  }
  return { ...plan.parameters, ...given };
}
