'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import type { TApiOutputs } from '@/components/providers/api-types';
import { ErrorText } from '@/components/ui/error-text';
import { Time } from '@/components/ui/time';
import { useModelMetrics } from '@/hooks/use-model-metrics';
import { TimeChart } from './time-chart';

type TPoints = TApiOutputs['models']['metrics']['points'];

/** A line per metric over the points' times (a metric a point lacks is a gap, spanned). */
function metricSeries(points: TPoints) {
  const keys = [...new Set(points.flatMap((p) => Object.keys(p.metrics)))].sort();
  return { xs: points.map((p) => p.at / 1000), series: keys.map((k) => ({ label: k, values: points.map((p) => p.metrics[k] ?? null) })) };
}

const NO_THRESHOLDS: { label: string; value: number }[] = [];
const format = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(3));

/** The model's metrics over time, next to its drift: a chart, then each point with the version it evaluated. */
export function ModelMetricsChart({ projectId, name }: { projectId: string; name: string }) {
  const metrics = useModelMetrics(projectId, name);
  const data = metrics.data;
  const chart = useMemo(() => metricSeries(data?.points ?? []), [data]);
  if (metrics.error) return <ErrorText error={metrics.error} />;
  if (!data) return null;
  if (data.points.length === 0) return <p className="text-sm text-slate-500">No evaluation of this model yet: an Evaluate or Compare with production step in a run that registers it, or that names it, adds a point.</p>;
  return (
    <div className="space-y-2" data-testid="model-metrics">
      <TimeChart title="Model metrics" xs={chart.xs} series={chart.series} thresholds={NO_THRESHOLDS} />
      <table className="w-full text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1">when</th>
            <th>version</th>
            <th>step</th>
            <th>metrics</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {[...data.points].reverse().map((p) => (
            <tr key={`${p.runId}/${p.nodeId}/${p.at}`} data-testid="model-metric-point">
              <td className="py-1">
                <Time value={new Date(p.at)} />
              </td>
              <td>
                {p.version === null ? '—' : `v${p.version}`}
                {p.version !== null && p.version === data.championVersion ? <span className="ml-1 rounded bg-emerald-100 px-1 text-emerald-800">champion</span> : null}
              </td>
              <td>
                <Link href={`/runs/${p.runId}`} className="text-indigo-700 underline">
                  {p.source === 'compare' ? 'compare' : 'evaluate'} ({p.nodeId})
                </Link>
              </td>
              <td className="font-mono">
                {Object.entries(p.metrics)
                  .map(([k, v]) => `${k} ${format(v)}`)
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
