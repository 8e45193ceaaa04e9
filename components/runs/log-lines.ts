/** The lines of a log that contain `query` (case-insensitive), with their 1-based numbers and where the matches are. */
export type TMatchedLine = { number: number; text: string; ranges: [number, number][] };

export const MAX_MATCHED_LINES = 2_000;

export function matchLines(log: string, query: string): { lines: TMatchedLine[]; total: number } {
  const needle = query.toLowerCase();
  if (!needle) return { lines: [], total: 0 };
  const lines: TMatchedLine[] = [];
  let total = 0;
  log.split('\n').forEach((text, i) => {
    const lower = text.toLowerCase();
    let at = lower.indexOf(needle);
    if (at < 0) return;
    total += 1;
    if (lines.length >= MAX_MATCHED_LINES) return; // counted, not drawn: the browser stays responsive
    const ranges: [number, number][] = [];
    while (at >= 0) {
      ranges.push([at, at + needle.length]);
      at = lower.indexOf(needle, at + needle.length);
    }
    lines.push({ number: i + 1, text, ranges });
  });
  return { lines, total };
}
