import { and, eq } from 'drizzle-orm';
import { projects, schedules } from '../../../drizzle/schema';
import { recordAudit } from '../audit/record-audit';
import type { TActor, TServiceDeps } from '../deps';
import { temporalScheduleId } from '../schedules/schedule-input';
import { lockProject } from './lock-project';

/**
 * Archives a project (gone from every list, refuses writes, keeps its runs) or restores it.
 * Archiving also pauses its schedules, so that it starts no new runs; restoring leaves them paused
 * for an editor to resume.
 */
export async function setProjectArchived(deps: TServiceDeps, actor: TActor, params: { projectId: string; archived: boolean }) {
  return deps.db.transaction(async (tx) => {
    const project = await lockProject(tx, params.projectId);
    if ((project.archivedAt !== null) === params.archived) return;
    await tx
      .update(projects)
      .set({ archivedAt: params.archived ? new Date() : null })
      .where(eq(projects.id, params.projectId));
    const paused = params.archived
      ? await tx
          .update(schedules)
          .set({ paused: true })
          .where(and(eq(schedules.projectId, params.projectId), eq(schedules.paused, false)))
          .returning({ id: schedules.id })
      : [];
    await recordAudit(tx, {
      projectId: params.projectId,
      actor: actor.userId,
      action: params.archived ? 'project.archive' : 'project.restore',
      targetType: 'project',
      targetId: params.projectId,
      details: params.archived ? { pausedSchedules: paused.map((s) => s.id) } : {},
    });
    // inside the transaction: a schedule Temporal would not pause leaves the project as it was
    for (const schedule of paused) await deps.temporal.schedule.getHandle(temporalScheduleId(schedule.id)).pause('Project archived in Weft');
  });
}
