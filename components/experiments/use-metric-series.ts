'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { alignSeries, decodeDoubles, type TSeries } from './columnar';

/** `sampled`: some run logged more points than the server sends (an even sample of them is drawn). */
export type TAlignedMetric = { key: string; xs: number[]; ys: (number | null)[][]; runUuids: string[]; sampled: boolean };

/**
 * The histories of `keys` for `runUuids`, decoded from their columns and aligned per metric for
 * the charts (a run without the metric gets no line). Histories never change once logged, except
 * for running runs: they are refetched every 10 s while the page is open.
 */
export function useMetricSeries(projectId: string, runUuids: string[], keys: string[]) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.experiments.histories.queryOptions({ projectId, runUuids, keys }, { enabled: runUuids.length > 0 && keys.length > 0, staleTime: 10_000 }),
  );
  // by value: callers pass fresh arrays on every render, and a new result would redraw every chart
  const keysKey = keys.join('\n');
  const metrics = useMemo(() => {
    const byKey = new Map<string, TSeries[]>(keysKey.split('\n').map((k) => [k, []]));
    const sampled = new Set<string>();
    for (const s of query.data ?? []) {
      byKey.get(s.key)?.push({ runUuid: s.runUuid, key: s.key, steps: decodeDoubles(s.steps), values: decodeDoubles(s.values) });
      if (s.logged > s.points) sampled.add(s.key);
    }
    return [...byKey]
      .filter(([, series]) => series.length > 0)
      .map(([key, series]): TAlignedMetric => ({ key, ...alignSeries(series), runUuids: series.map((s) => s.runUuid), sampled: sampled.has(key) }));
  }, [query.data, keysKey]);
  return { query, metrics };
}
