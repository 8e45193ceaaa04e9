// Runs chains of several sizes and reduces them to a per-step cost: the slope of the medians.
import type { WorkflowHandle } from '@temporalio/client';
import type { TTimed } from './runs';
import { fmtMs, linearFit, median } from './stats';
import { log } from './util';

export type TSeries = { times: Map<number, number[]>; handles: WorkflowHandle[] };

/**
 * Runs every variant at every size, `reps` times, interleaved (so drift on the machine affects
 * all alike); keeps the handles of the runs of size `keepHistoryOf`.
 */
export async function measureSeries(
  label: string,
  sizes: number[],
  reps: number,
  variants: [string, (n: number) => Promise<TTimed>][],
  keepHistoryOf?: number,
): Promise<Map<string, TSeries>> {
  const out = new Map<string, TSeries>(variants.map(([name]) => [name, { times: new Map(sizes.map((n) => [n, []])), handles: [] }]));
  for (let rep = 0; rep < reps; rep++) {
    for (const n of sizes) {
      for (const [name, run] of variants) {
        const r = await run(n);
        const series = out.get(name)!;
        series.times.get(n)!.push(r.ms);
        if (n === keepHistoryOf) series.handles.push(r.handle);
      }
    }
    log(`  ${label} rep ${rep + 1}/${reps}: ${sizes.map((n) => `${n}→ ${variants.map(([name]) => fmtMs(out.get(name)!.times.get(n)!.at(-1)!)).join(' / ')}`).join(', ')}`);
  }
  return out;
}

/** Least-squares ms per step over the per-size medians. */
export const slopeOf = (s: TSeries) => linearFit([...s.times].map(([n, t]) => [n, median(t)])).slope;
export const mediansOf = (s: TSeries) => [...s.times].map(([n, t]) => `${n}: ${fmtMs(median(t))}`).join(', ');
export const perStep = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms/step` : '—');
