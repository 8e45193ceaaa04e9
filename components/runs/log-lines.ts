import type { TLogLine } from '@/workflows/dsl';

/** The lines of a log that contain `query` (case-insensitive), with their 1-based numbers, times and where the matches are. */
export type TMatchedLine = TLogLine & { number: number; ranges: [number, number][] };

export const MAX_MATCHED_LINES = 2_000;

export function matchLines(log: readonly TLogLine[], query: string): { lines: TMatchedLine[]; total: number } {
  const needle = query.toLowerCase();
  if (!needle) return { lines: [], total: 0 };
  const lines: TMatchedLine[] = [];
  let total = 0;
  log.forEach(({ at, text }, i) => {
    const lower = text.toLowerCase();
    let found = lower.indexOf(needle);
    if (found < 0) return;
    total += 1;
    if (lines.length >= MAX_MATCHED_LINES) return; // counted, not drawn: the browser stays responsive
    const ranges: [number, number][] = [];
    while (found >= 0) {
      ranges.push([found, found + needle.length]);
      found = lower.indexOf(needle, found + needle.length);
    }
    lines.push({ number: i + 1, at, text, ranges });
  });
  return { lines, total };
}

/** A line's time as an offset from the attempt's start: `+4.021s`, `+2:05.300`, `+1:02:05`. */
export function formatLogOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const abs = Math.abs(ms);
  if (abs < 60_000) return `${sign}${(abs / 1_000).toFixed(3)}s`;
  const seconds = Math.floor(abs / 1_000) % 60;
  const minutes = Math.floor(abs / 60_000) % 60;
  const hours = Math.floor(abs / 3_600_000);
  if (hours === 0) return `${sign}${minutes}:${String(seconds).padStart(2, '0')}.${String(abs % 1_000).padStart(3, '0')}`;
  return `${sign}${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
