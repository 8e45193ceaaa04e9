'use client';

// uPlot is the charting library of the Experiments UI: it draws on a canvas, so 10 runs × 10,000
// points are ~100,000 line vertices in one draw call (tens of ms), where an SVG chart (recharts)
// would make a DOM node per point and stall; it is ~50 KB against ECharts' ~1 MB, and takes the
// columnar arrays the API ships as they are.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Distinct enough for up to ten overlaid runs; more runs reuse them. */
export const PALETTE = ['#4f46e5', '#dc2626', '#059669', '#d97706', '#0891b2', '#9333ea', '#db2777', '#65a30d', '#475569', '#ea580c'];

type TProps = { title: string; xs: number[]; ys: (number | null)[][]; labels: string[]; height?: number };

/** One metric over steps, a line per run (overlaid), with a legend that shows the values under the cursor. */
export function MetricChart({ title, xs, ys, labels, height = 240 }: TProps) {
  const ref = useRef<HTMLDivElement>(null);
  // by value, so that a parent's re-render with equal labels keeps the chart (a new uPlot costs a full draw)
  const labelsKey = labels.join('\n');
  useEffect(() => {
    const labels = labelsKey.split('\n');
    const el = ref.current;
    if (!el) return;
    const options: uPlot.Options = {
      title,
      width: Math.max(el.clientWidth, 200),
      height,
      scales: { x: { time: false } },
      axes: [{ label: 'step' }, { size: 60 }],
      series: [{ label: 'step' }, ...labels.map((label, i) => ({ label, stroke: PALETTE[i % PALETTE.length], width: 1.5, spanGaps: true }))],
    };
    const chart = new uPlot(options, [xs, ...ys] as uPlot.AlignedData, el);
    const observer = new ResizeObserver(() => chart.setSize({ width: Math.max(el.clientWidth, 200), height }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [title, xs, ys, labelsKey, height]);
  return <div ref={ref} data-testid="metric-chart" data-metric={title} className="min-w-0 rounded-lg border border-slate-200 bg-white p-2" />;
}
