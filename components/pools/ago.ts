/** "12 s", "3 min", "2 h", "4 d": a number of seconds in its largest whole unit. */
export function formatSeconds(total: number): string {
  const seconds = Math.max(0, Math.round(total));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3_600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}

/** "12 s ago": how long before `now` a worker last polled; "—" when it never did. */
export function formatAgo(iso: string | null, now: Date): string {
  if (!iso) return '—';
  // formatSeconds clamps at 0: Temporal's clock may run slightly ahead of the browser's
  return `${formatSeconds((now.getTime() - new Date(iso).getTime()) / 1_000)} ago`;
}
