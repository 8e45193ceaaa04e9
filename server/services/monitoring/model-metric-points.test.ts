import { describe, expect, it } from 'vitest';
import { metricPoints } from './model-metric-points';

const row = (kind: string, metrics: Record<string, number>, version: number | null = null) => ({ runId: 'r', nodeId: 'n', kind, at: '1700000000000', version, metrics });

describe('model metric points', () => {
  it('keeps an evaluation’s values without their interval bounds, with its version and time', () => {
    expect(metricPoints([row('evaluate_model', { accuracy: 0.9, accuracy_ci_low: 0.85, accuracy_ci_high: 0.95, f1: 0.8 }, 3)])).toEqual([
      { runId: 'r', nodeId: 'n', source: 'evaluate', at: 1_700_000_000_000, version: 3, metrics: { accuracy: 0.9, f1: 0.8 } },
    ]);
  });

  it('keeps a comparison’s champion and candidate scores under names of their own, and drops what has none', () => {
    expect(metricPoints([row('compare_production', { champion: 0.93, candidate: 0.95, acceptable: 1, verdict_better: 1 })])[0]!.metrics).toEqual({ 'champion (compare)': 0.93, 'candidate (compare)': 0.95 });
    expect(metricPoints([row('compare_production', { acceptable: 1 }), row('evaluate_model', { accuracy_ci_low: 0.1 })])).toEqual([]);
  });
});
