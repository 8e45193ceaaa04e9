'use client';

import { ErrorText } from '@/components/ui/error-text';
import { MetricBars } from './metric-bars';
import { MetricChart } from './metric-chart';
import { useMetricSeries } from './use-metric-series';

type TProps = { projectId: string; runs: { runUuid: string; label: string }[]; keys: string[] };

/** A chart per metric, each run's curve over steps overlaid on it (bars for a metric logged at one step). */
export function MetricCharts({ projectId, runs, keys }: TProps) {
  const { query, metrics } = useMetricSeries(
    projectId,
    runs.map((r) => r.runUuid),
    keys,
  );
  if (keys.length === 0) return <p className="text-sm text-slate-400">No metrics logged.</p>;
  if (query.isError) return <ErrorText error={query.error} />;
  if (query.isPending) return <p className="text-sm text-slate-500">Loading metric histories…</p>;
  const labelOf = new Map(runs.map((r) => [r.runUuid, r.label]));
  return (
    <div className="grid grid-cols-1 items-start gap-3 xl:grid-cols-2">
      {metrics.map((m) => {
        const labels = m.runUuids.map((id) => labelOf.get(id) ?? id.slice(0, 8));
        return m.xs.length === 1 ? (
          <MetricBars key={m.key} title={m.key} labels={labels} values={m.ys.map((ys) => ys[0] ?? null)} />
        ) : (
          <div key={m.key} className="space-y-1">
            <MetricChart title={m.key} xs={m.xs} ys={m.ys} labels={labels} />
            {m.sampled ? <p className="text-xs text-slate-500">Runs with more than 10,000 points of {m.key} are drawn from an even sample of them.</p> : null}
          </div>
        );
      })}
    </div>
  );
}
