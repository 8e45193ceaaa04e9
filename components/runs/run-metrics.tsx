'use client';

import { MetricCharts } from '@/components/experiments/metric-charts';
import { trackingRunLabel, type TTrackingRun } from './use-tracking-runs';

/** The Metrics tab: for the run and each step that logged, a chart per metric over steps. */
export function RunMetrics({ projectId, trackingRuns }: { projectId: string; trackingRuns: TTrackingRun[] }) {
  const logged = trackingRuns.filter((r) => r.metricKeys.length > 0);
  if (logged.length === 0) return <p className="p-6 text-sm text-slate-500">No metrics logged yet.</p>;
  return (
    <div className="space-y-6 p-4">
      {logged.map((r) => (
        <section key={r.runUuid} className="space-y-2" data-tracking-run={r.runUuid}>
          <h2 className="text-sm font-semibold">
            {trackingRunLabel(r)} <span className="font-normal text-slate-500">· {r.metricKeys.length} metric{r.metricKeys.length === 1 ? '' : 's'}</span>
          </h2>
          <MetricCharts projectId={projectId} runs={[{ runUuid: r.runUuid, label: trackingRunLabel(r) }]} keys={r.metricKeys.slice(0, 50)} />
        </section>
      ))}
    </div>
  );
}
