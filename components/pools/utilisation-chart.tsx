'use client';

import type { TPoolKind } from '@/workflows/dsl';
import { ErrorText } from '@/components/ui/error-text';
import { scaleChart } from './chart-scale';
import { usePoolUtilisation } from './use-pool-utilisation';

const WIDTH = 240;
const HEIGHT = 48;
// room for the stroke at the top and bottom edges, which the viewBox would otherwise clip
const PAD = 2;

/** A pool's last hour as a line: GPUs held for a GPU pool (what is scarce there), else steps running. */
export function UtilisationChart({ pool, kind }: { pool: string; kind: TPoolKind }) {
  const utilisation = usePoolUtilisation(pool);
  if (utilisation.error) return <ErrorText error={utilisation.error} />;
  if (!utilisation.data) return <p className="text-xs text-slate-500">Loading the last hour…</p>;
  const what = kind === 'gpu' ? 'GPUs held' : 'Steps running';
  const { points, max } = scaleChart(
    utilisation.data.map((m) => (kind === 'gpu' ? m.gpus : m.steps)),
    WIDTH,
    HEIGHT - 2 * PAD,
  );
  const maxLabel = Number(max.toFixed(1));
  return (
    <figure className="space-y-1">
      <figcaption className="text-xs text-slate-500">{what}, last hour (average per minute)</figcaption>
      <div className="flex items-stretch gap-1.5">
        <div className="flex flex-col justify-between text-right text-[10px] leading-none text-slate-500" aria-hidden>
          <span>{maxLabel}</span>
          <span>0</span>
        </div>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width={WIDTH}
          height={HEIGHT}
          role="img"
          aria-label={`${what} in the last hour, at most ${maxLabel}`}
          className="rounded border border-slate-200 bg-slate-50 text-indigo-600"
        >
          <polyline points={points} transform={`translate(0 ${PAD})`} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" />
        </svg>
      </div>
    </figure>
  );
}
