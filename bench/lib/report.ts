// What the bench has found so far: the table's rows, the notes printed under it, and whether any
// measurement broke (the bench then exits 1).
import type { TRow } from './table';
import { errorText, log, now, short } from './util';

export type TReport = { rows: TRow[]; notes: string[] };

export const report: TReport & { broken: boolean } = { rows: [], notes: [], broken: false };

/** Where a repeated round's rows go: only the first round's are shown. */
export const discarded = (): TReport => ({ rows: [], notes: [] });

/** A measurement that cannot be made is a broken bench: show it in the table and exit 1. */
export async function measure(what: string, fn: () => Promise<void>): Promise<void> {
  const t0 = now();
  log(`${what} ...`);
  try {
    await fn();
    log(`${what}: ${((now() - t0) / 1000).toFixed(1)} s`);
  } catch (error) {
    report.broken = true;
    log(`${what} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    report.rows.push({ measure: what, weft: `error: ${short(errorText(error))}`, hand: '', target: '', ok: 'error' });
  }
}
