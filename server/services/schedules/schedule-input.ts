import { z } from 'zod';

const isTimezone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** A schedule fires on a cron expression or every N seconds, in a timezone. */
export const ZScheduleTimingSchema = z
  .object({
    cron: z
      .string()
      .trim()
      .regex(/^(\S+\s+){4}\S+$/, 'Cron needs five fields: minute hour day-of-month month day-of-week')
      .optional(),
    intervalSeconds: z.number().int().min(1, 'The interval is at least 1 second').max(366 * 86_400).optional(),
    timezone: z.string().default('UTC').refine(isTimezone, 'Unknown timezone'),
  })
  .refine((t) => (t.cron ? 1 : 0) + (t.intervalSeconds ? 1 : 0) === 1, { message: 'Give either a cron expression or an interval', path: ['cron'] });

export type TScheduleTiming = z.infer<typeof ZScheduleTimingSchema>;

export const temporalScheduleId = (scheduleId: string) => `sched-${scheduleId}`;
