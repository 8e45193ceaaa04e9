import { formatLogOffset } from './log-lines';

/** A log line's time column: the offset from the attempt's start, the absolute time on hover; blank for a line without a time. */
export function LogTime({ at, origin }: { at: number | null; origin: number | null }) {
  const cell = 'mr-3 inline-block w-20 shrink-0 select-none text-right text-slate-500';
  if (at === null || origin === null) return <span className={cell} />;
  const iso = new Date(at).toISOString();
  return (
    <time dateTime={iso} title={iso} className={cell} data-testid="log-time">
      {formatLogOffset(at - origin)}
    </time>
  );
}
