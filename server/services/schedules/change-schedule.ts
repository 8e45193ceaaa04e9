import { and, eq } from 'drizzle-orm';
import { schedules } from '../../../drizzle/schema';
import { notFound } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TServiceDeps } from '../deps';
import { temporalScheduleId } from './schedule-input';

export type TScheduleChange = 'pause' | 'resume' | 'delete';

/**
 * Pause, resume or delete ("run now" is triggerSchedule): the Temporal Schedule is changed inside
 * the transaction that changes the row, so a refused change leaves the row as it was.
 */
export async function changeSchedule(deps: TServiceDeps, params: { projectId: string; scheduleId: string; change: TScheduleChange; userId: string }) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: schedules.id })
      .from(schedules)
      .where(and(eq(schedules.id, params.scheduleId), eq(schedules.projectId, params.projectId)))
      .for('update');
    if (!row) throw notFound('Schedule');
    const handle = deps.temporal.schedule.getHandle(temporalScheduleId(row.id));
    await recordAudit(tx, { projectId: params.projectId, actor: params.userId, action: `schedule.${params.change}`, targetType: 'schedule', targetId: row.id });
    switch (params.change) {
      case 'pause':
        await tx.update(schedules).set({ paused: true }).where(eq(schedules.id, row.id));
        await handle.pause('Paused in Weft');
        break;
      case 'resume':
        await tx.update(schedules).set({ paused: false }).where(eq(schedules.id, row.id));
        await handle.unpause('Resumed in Weft');
        break;
      case 'delete':
        await tx.delete(schedules).where(eq(schedules.id, row.id));
        await handle.delete();
        break;
    }
    return { ok: true as const };
  });
}
