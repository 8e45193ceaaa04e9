/** a finished Evaluate or Compare step's tracking run, as model-metrics.ts reads it */
export type TMetricRow = { runId: string; nodeId: string; kind: string; at: string | number; version: number | null; metrics: Record<string, number> };

export type TMetricSource = 'evaluate' | 'compare';
export type TMetricPoint = { runId: string; nodeId: string; source: TMetricSource; at: number; version: number | null; metrics: Record<string, number> };

/** Compare with production's metrics that chart the model: the champion's and the candidate's score on the run's test set. */
const COMPARE_KEYS = ['champion', 'candidate'] as const;

/**
 * The points of the model-metrics chart: an Evaluate keeps its metrics without their bootstrap
 * interval bounds (`_ci_low` / `_ci_high`: the chart draws values); a Compare keeps the
 * champion's and the candidate's scores, as `champion (compare)` / `candidate (compare)`, so a
 * production model's score over time is a line of its own. Points with nothing left are dropped.
 */
export function metricPoints(rows: readonly TMetricRow[]): TMetricPoint[] {
  return rows.flatMap((row) => {
    const source: TMetricSource = row.kind === 'compare_production' ? 'compare' : 'evaluate';
    const kept =
      source === 'compare'
        ? COMPARE_KEYS.filter((k) => row.metrics[k] !== undefined).map((k) => [`${k} (compare)`, row.metrics[k]!] as const)
        : Object.entries(row.metrics).filter(([key]) => !/_ci_(low|high)$/.test(key));
    if (kept.length === 0) return [];
    return [{ runId: row.runId, nodeId: row.nodeId, source, at: Number(row.at), version: row.version === null ? null : Number(row.version), metrics: Object.fromEntries(kept) }];
  });
}
