'use client';

import { useMemo } from 'react';
import type { TApiOutputs } from '@/components/providers/api-types';
import { TimeChart } from './time-chart';

type TChecks = TApiOutputs['models']['monitoring']['checks'];

/** The series of the drift chart: a line per feature (its PSI), dashed lines at the thresholds used. */
function driftSeries(checks: TChecks) {
  const features = [...new Set(checks.flatMap((c) => Object.keys(c.scores)))].sort();
  const thresholds = [...new Set(checks.flatMap((c) => Object.values(c.scores).map((s) => s.threshold)))].sort((a, b) => a - b);
  return {
    xs: checks.map((c) => new Date(c.checkedAt).getTime() / 1000),
    series: features.map((f) => ({ label: f, values: checks.map((c) => c.scores[f]?.psi ?? null) })),
    thresholds: thresholds.map((value) => ({ label: `PSI threshold ${value}`, value })),
  };
}

/** Per-feature PSI over time, and the checks' summary metrics over time. */
export function MonitoringCharts({ checks }: { checks: TChecks }) {
  const drift = useMemo(() => driftSeries(checks), [checks]);
  const summary = useMemo(
    () => ({
      series: [
        { label: 'drifted features', values: checks.map((c) => c.driftedFeatures) },
        { label: 'highest PSI', values: checks.map((c) => c.psiMax) },
      ],
      thresholds: [],
    }),
    [checks],
  );
  if (checks.length === 0) return <p className="text-sm text-slate-500">No drift check has monitored this model yet: set a Drift check node’s “Monitored model” to its name.</p>;
  return (
    <div className="space-y-4">
      <TimeChart title="PSI per feature" xs={drift.xs} series={drift.series} thresholds={drift.thresholds} />
      <TimeChart title="Drift check metrics" xs={drift.xs} series={summary.series} thresholds={summary.thresholds} height={200} />
    </div>
  );
}
