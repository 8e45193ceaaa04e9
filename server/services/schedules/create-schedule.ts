import { and, eq } from 'drizzle-orm';
import { pipelines, pipelineVersions, schedules } from '../../../drizzle/schema';
import { PIPELINE_RUN_WORKFLOW, type TPipelineRunInput } from '../../../workflows/contract/run-workflow';
import { CONTROL_TASK_QUEUE, type TParameterValue } from '../../../workflows/dsl';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TServiceDeps } from '../deps';
import { resolveParams } from '../runs/start-run';
import { temporalScheduleId, type TScheduleTiming } from './schedule-input';

/**
 * Creates the schedule row and its Temporal Schedule in one transaction. The schedule's action
 * carries the version's plan, so scheduled runs execute exactly that version, and its parameter
 * values, checked against the version's parameters as a run's are (the defaults fill the rest).
 */
export async function createSchedule(
  deps: TServiceDeps,
  params: TScheduleTiming & { projectId: string; versionId: string; name: string; userId: string; params?: Record<string, TParameterValue> },
) {
  const [version] = await deps.db
    .select({ id: pipelineVersions.id, pipelineId: pipelineVersions.pipelineId, plan: pipelineVersions.plan })
    .from(pipelineVersions)
    .innerJoin(pipelines, eq(pipelines.id, pipelineVersions.pipelineId))
    .where(and(eq(pipelineVersions.id, params.versionId), eq(pipelines.projectId, params.projectId)));
  if (!version) throw notFound('Pipeline version');
  const runParams = resolveParams(version.plan, params.params ?? {});

  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schedules)
      .values({
        projectId: params.projectId,
        pipelineId: version.pipelineId,
        versionId: version.id,
        name: params.name,
        cron: params.cron ?? null,
        intervalSeconds: params.intervalSeconds ?? null,
        timezone: params.timezone,
        createdBy: params.userId,
        params: runParams,
      })
      .returning({ id: schedules.id });
    const scheduleId = row!.id;
    const input: TPipelineRunInput = {
      projectId: params.projectId,
      pipelineId: version.pipelineId,
      versionId: version.id,
      plan: version.plan,
      params: runParams,
      trigger: { kind: 'schedule', scheduleId },
    };
    await recordAudit(tx, { projectId: params.projectId, actor: params.userId, action: 'schedule.create', targetType: 'schedule', targetId: scheduleId, details: { versionId: version.id, cron: params.cron, intervalSeconds: params.intervalSeconds } });
    try {
      await deps.temporal.schedule.create({
        scheduleId: temporalScheduleId(scheduleId),
        spec: params.cron
          ? { cronExpressions: [params.cron], timezone: params.timezone }
          : { intervals: [{ every: params.intervalSeconds! * 1000 }], timezone: params.timezone },
        action: { type: 'startWorkflow', workflowType: PIPELINE_RUN_WORKFLOW, taskQueue: CONTROL_TASK_QUEUE, workflowId: temporalScheduleId(scheduleId), args: [input] },
      });
    } catch (error) {
      if ((error as { code?: number }).code === 3) throw new AppError('BAD_REQUEST', `Temporal refused the schedule: ${(error as Error).message}`);
      throw error;
    }
    return { id: scheduleId };
  });
}
