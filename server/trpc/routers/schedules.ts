import { z } from 'zod';
import { ZParametersSchema } from '../../../workflows/dsl';
import { changeSchedule, type TScheduleChange } from '../../services/schedules/change-schedule';
import { createSchedule } from '../../services/schedules/create-schedule';
import { listSchedules } from '../../services/schedules/list-schedules';
import { ZScheduleTimingSchema } from '../../services/schedules/schedule-input';
import { triggerSchedule } from '../../services/schedules/trigger-schedule';
import { projectProcedure, router } from '../init';

const ZScheduleRefSchema = z.object({ scheduleId: z.uuid() });
const change = (kind: TScheduleChange) =>
  projectProcedure('editor')
    .input(ZScheduleRefSchema)
    .mutation(({ ctx, input }) => changeSchedule(ctx, { ...input, change: kind, userId: ctx.user.id }));

export const schedulesRouter = router({
  list: projectProcedure('viewer').query(({ ctx, input }) => listSchedules(ctx, input.projectId)),
  create: projectProcedure('editor')
    .input(ZScheduleTimingSchema.and(z.object({ versionId: z.uuid(), name: z.string().trim().min(1, 'Name is required').max(120), params: ZParametersSchema.optional() })))
    .mutation(({ ctx, input }) => createSchedule(ctx, { ...input, userId: ctx.user.id })),
  pause: change('pause'),
  resume: change('resume'),
  trigger: projectProcedure('editor')
    .input(ZScheduleRefSchema)
    .mutation(({ ctx, input }) => triggerSchedule(ctx, { ...input, userId: ctx.user.id })),
  delete: change('delete'),
});
