'use client';

import { useClock } from './clock';

const ABSOLUTE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const RELATIVE = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 minutes ago", "yesterday", "just now": a time as people say it. */
export function relativeTime(value: Date, now: number): string {
  const ms = value.getTime() - now;
  if (Math.abs(ms) < 45_000) return 'just now';
  const [unit, size] = UNITS.find(([, size]) => Math.abs(ms) >= size) ?? UNITS.at(-1)!;
  return RELATIVE.format(Math.round(ms / size), unit);
}

/** A relative time ("3 min ago") with the absolute time on hover; it keeps itself current. */
export function RelativeTime({ value }: { value: Date | null | undefined }) {
  const current = useClock(30_000);
  if (!value) return <span className="text-slate-400">—</span>;
  return (
    <time dateTime={value.toISOString()} title={ABSOLUTE.format(value)} suppressHydrationWarning>
      {relativeTime(value, current)}
    </time>
  );
}
