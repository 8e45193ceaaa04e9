'use client';

import { formatMetric } from './format';
import { PALETTE } from './metric-chart';

type TProps = { title: string; labels: string[]; values: (number | null)[] };

/** A metric logged at one step only (a final accuracy): a bar per run says more than a lone point on a step axis. */
export function MetricBars({ title, labels, values }: TProps) {
  const max = Math.max(...values.map((v) => Math.abs(v ?? 0)), Number.MIN_VALUE);
  return (
    <div data-testid="metric-bars" data-metric={title} className="min-w-0 space-y-1.5 rounded-lg border border-slate-200 bg-white p-3">
      <h3 className="text-center text-sm font-semibold">{title}</h3>
      {labels.map((label, i) => {
        const value = values[i] ?? null;
        return (
          <div key={label} className="grid grid-cols-[8rem_1fr_4rem] items-center gap-2 text-xs">
            <span className="truncate text-slate-600" title={label}>
              {label}
            </span>
            <span className="h-3 rounded-sm bg-slate-100">
              <span className="block h-3 rounded-sm" style={{ width: `${value === null ? 0 : (Math.abs(value) / max) * 100}%`, background: PALETTE[i % PALETTE.length] }} />
            </span>
            <span className="text-right font-mono tabular-nums">{formatMetric(value)}</span>
          </div>
        );
      })}
    </div>
  );
}
