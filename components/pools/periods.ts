export const PERIODS = [
  { id: '24h', label: 'Last 24 hours', hours: 24 },
  { id: '7d', label: 'Last 7 days', hours: 7 * 24 },
  { id: '30d', label: 'Last 30 days', hours: 30 * 24 },
] as const;

export type TPeriodId = (typeof PERIODS)[number]['id'];

/** The period ending at `now`; the caller fixes `now` once per choice so the query key stays put. */
export function periodRange(id: TPeriodId, now: Date): { from: Date; to: Date } {
  const hours = PERIODS.find((p) => p.id === id)!.hours;
  return { from: new Date(now.getTime() - hours * 3_600_000), to: now };
}
