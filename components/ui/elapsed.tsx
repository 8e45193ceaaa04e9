'use client';

import { useClock } from './clock';
import { formatDuration } from './time';

/** How long something took, or has taken so far: ticks every second until `to` is set. */
export function Elapsed({ from, to, className }: { from: Date | number | null; to: Date | number | null; className?: string }) {
  const now = useClock(1_000, from !== null && to === null);
  if (from === null) return null;
  const start = new Date(from);
  const end = to === null ? new Date(Math.max(now, start.getTime())) : new Date(to);
  return (
    <span className={className} data-testid="elapsed" data-open={to === null ? 'true' : undefined}>
      {formatDuration(start, end)}
    </span>
  );
}
