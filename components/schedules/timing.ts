/** "every 5 min", "cron 0 3 * * *": how a schedule fires, in words. */
export function describeTiming(t: { cron: string | null; intervalSeconds: number | null }): string {
  if (t.cron) return `cron ${t.cron}`;
  const s = t.intervalSeconds ?? 0;
  if (s % 86_400 === 0) return `every ${s / 86_400} d`;
  if (s % 3_600 === 0) return `every ${s / 3_600} h`;
  if (s % 60 === 0) return `every ${s / 60} min`;
  return `every ${s} s`;
}

/** The browser's timezone, the default for a new schedule. */
export const browserTimezone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
