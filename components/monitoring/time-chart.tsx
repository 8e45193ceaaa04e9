'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { PALETTE } from '@/components/experiments/metric-chart';

type TProps = {
  title: string;
  /** seconds since the epoch, one per check */
  xs: number[];
  series: { label: string; values: (number | null)[] }[];
  /** horizontal lines (dashed): what a series is held to */
  thresholds: { label: string; value: number }[];
  height?: number;
};

/** Series over time (one point per drift check) with their thresholds drawn as dashed lines. */
export function TimeChart({ title, xs, series, thresholds, height = 260 }: TProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const options: uPlot.Options = {
      title,
      width: Math.max(el.clientWidth, 200),
      height,
      axes: [{}, { size: 60 }],
      series: [
        { label: 'time' },
        ...series.map((s, i) => ({ label: s.label, stroke: PALETTE[i % PALETTE.length], width: 1.5, spanGaps: true, points: { show: true } })),
        ...thresholds.map((t) => ({ label: t.label, stroke: '#94a3b8', width: 1, dash: [6, 4], points: { show: false } })),
      ],
    };
    const data = [xs, ...series.map((s) => s.values), ...thresholds.map((t) => xs.map(() => t.value))] as uPlot.AlignedData;
    const chart = new uPlot(options, data, el);
    const observer = new ResizeObserver(() => chart.setSize({ width: Math.max(el.clientWidth, 200), height }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [title, xs, series, thresholds, height]);
  return <div ref={ref} data-testid="monitoring-chart" data-chart={title} className="min-w-0 rounded-lg border border-slate-200 bg-white p-2" />;
}
