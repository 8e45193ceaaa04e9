// The one table `npm run bench` prints.

export type TRow = { measure: string; weft: string; hand: string; target: string; ok: string };

export function renderTable(rows: TRow[]): string {
  const header: TRow = { measure: 'measure', weft: 'Weft', hand: 'hand-written', target: 'target', ok: 'ok?' };
  const keys = ['measure', 'weft', 'hand', 'target', 'ok'] as const;
  const all = [header, ...rows];
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...all.map((r) => r[k].length))])) as Record<(typeof keys)[number], number>;
  const line = (r: TRow) => `| ${keys.map((k) => r[k].padEnd(width[k])).join(' | ')} |`;
  const rule = `|${keys.map((k) => '-'.repeat(width[k] + 2)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** 'yes' / 'NO' for a measured value against a limit; '' when nothing could be measured. */
export function verdict(ok: boolean | undefined): string {
  return ok === undefined ? '' : ok ? 'yes' : 'NO';
}
