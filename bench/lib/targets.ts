// The engine's three targets (issue 11), judged against the hand-written chain in the same run:
// each is measured in several rounds and the median of the rounds' ratios is the verdict, since
// this machine's speed drifts between and within runs.
import { median } from './stats';
import { verdict, type TRow } from './table';

export type TRoundRatios = { perStep?: number; throughput?: number; latency?: number };

const TARGETS: { key: keyof TRoundRatios; measure: string; target: string; holds: (ratio: number) => boolean }[] = [
  { key: 'perStep', measure: 'per-step slope, Weft / hand-written with its activities on another queue (same topology)', target: '≤ 1.1×', holds: (r) => r <= 1.1 },
  { key: 'throughput', measure: '100 concurrent 10-step runs/s, Weft / same-topology hand-written', target: '≥ 1.0×', holds: (r) => r >= 1 },
  { key: 'latency', measure: '3-step start → done, Weft / eager hand-written chain', target: '≤ 1.2×', holds: (r) => r <= 1.2 },
];

/** One row per target measured: every round's ratio and their median, which is judged. */
export function targetRows(rounds: TRoundRatios[]): TRow[] {
  return TARGETS.flatMap(({ key, measure, target, holds }) => {
    const ratios = rounds.flatMap((r) => (r[key] === undefined ? [] : [r[key]]));
    if (ratios.length === 0) return [];
    const m = median(ratios);
    return [{ measure: `target: ${measure}`, weft: `median ${m.toFixed(2)}× (${ratios.map((r) => `${r.toFixed(2)}×`).join(', ')})`, hand: '', target, ok: verdict(holds(m)) }];
  });
}
