const FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A timestamp with the full ISO time on hover. */
export function Time({ value }: { value: Date | null | undefined }) {
  if (!value) return <span className="text-slate-400">—</span>;
  return (
    <time dateTime={value.toISOString()} title={value.toISOString()} suppressHydrationWarning>
      {FORMAT.format(value)}
    </time>
  );
}

export function formatDuration(from: Date | null, to: Date | null): string {
  if (!from) return '';
  const ms = (to ?? new Date()).getTime() - from.getTime();
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1_000)} s`;
}
