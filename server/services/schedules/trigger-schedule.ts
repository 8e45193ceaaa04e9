import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { schedules } from '../../../drizzle/schema';
import { notFound } from '../../errors';
import type { TServiceDeps } from '../deps';
import { startRun } from '../runs/start-run';

/**
 * "Run now": starts a run of the schedule's version, as a run of the schedule whose requester is
 * the user who asked, so they may not approve its gates (four-eyes). Web starts it itself rather
 * than triggering the Temporal Schedule, whose action cannot say who triggered it. So it is never
 * skipped for a run of the schedule still going, nor does it hold back the schedule's own firings.
 * It runs with the schedule's parameter values, as its firings do.
 */
export async function triggerSchedule(deps: TServiceDeps, params: { projectId: string; scheduleId: string; userId: string }): Promise<{ runId: string }> {
  const [row] = await deps.db
    .select({ id: schedules.id, versionId: schedules.versionId, params: schedules.params })
    .from(schedules)
    .where(and(eq(schedules.id, params.scheduleId), eq(schedules.projectId, params.projectId)));
  if (!row) throw notFound('Schedule');
  return startRun(deps, { projectId: params.projectId, versionId: row.versionId, params: row.params, requestId: randomUUID(), userId: params.userId, scheduleId: row.id });
}
