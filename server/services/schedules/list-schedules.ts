import { asc, eq } from 'drizzle-orm';
import { pipelines, pipelineVersions, schedules } from '../../../drizzle/schema';
import type { TServiceDeps } from '../deps';
import { temporalScheduleId } from './schedule-input';

/** Schedules with their next run times, which only Temporal knows. */
export async function listSchedules(deps: TServiceDeps, projectId: string) {
  const rows = await deps.db
    .select({
      id: schedules.id,
      name: schedules.name,
      pipelineId: pipelines.id,
      pipelineName: pipelines.name,
      versionId: pipelineVersions.id,
      versionNumber: pipelineVersions.number,
      cron: schedules.cron,
      intervalSeconds: schedules.intervalSeconds,
      timezone: schedules.timezone,
      paused: schedules.paused,
      params: schedules.params,
    })
    .from(schedules)
    .innerJoin(pipelines, eq(pipelines.id, schedules.pipelineId))
    .innerJoin(pipelineVersions, eq(pipelineVersions.id, schedules.versionId))
    .where(eq(schedules.projectId, projectId))
    .orderBy(asc(schedules.name));
  return Promise.all(
    rows.map(async (row) => {
      const nextRunTimes = await deps.temporal.schedule
        .getHandle(temporalScheduleId(row.id))
        .describe()
        .then((d) => d.info.nextActionTimes.slice(0, 3))
        .catch(() => [] as Date[]);
      return { ...row, nextRunTimes };
    }),
  );
}
