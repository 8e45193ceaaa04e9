export type TChartScale = { points: string; max: number };

/**
 * SVG polyline points for `values` spread evenly across width × height, the largest value at the
 * top. All zeros (an idle pool) lie on the bottom edge rather than dividing by zero.
 */
export function scaleChart(values: readonly number[], width: number, height: number): TChartScale {
  const max = Math.max(0, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values
    .map((value, i) => {
      const y = max > 0 ? height - (value / max) * height : height;
      return `${round(i * step)},${round(y)}`;
    })
    .join(' ');
  return { points, max };
}

const round = (n: number) => Math.round(n * 100) / 100;
