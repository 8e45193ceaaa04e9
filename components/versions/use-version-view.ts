'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TPipelineSpec } from '@/workflows/dsl';
import { useTRPC } from '@/components/providers/trpc';
import { diffCanvas, type TDiffCanvas } from './diff-canvas';

/** What the canvas shows: the draft (edited), one saved version (read only), or two compared (read only). */
export type TCanvasView = { kind: 'draft' } | { kind: 'version'; number: number } | { kind: 'diff'; from: number; to: number | 'draft' };

export type TVersionView = { loading: boolean; error: unknown; shown: TDiffCanvas | { spec: TPipelineSpec; marks?: undefined; diff?: undefined } | null };

/** The saved specs a read-only view needs (versions never change: fetched once), and the diff drawn as one spec. */
export function useVersionView({ projectId, pipelineId, view, draft }: { projectId: string; pipelineId: string; view: TCanvasView; draft: TPipelineSpec }): TVersionView {
  const trpc = useTRPC();
  const first = view.kind === 'version' ? view.number : view.kind === 'diff' ? view.from : null;
  const second = view.kind === 'diff' && view.to !== 'draft' ? view.to : null;
  const options = (number: number | null) => ({
    ...trpc.pipelines.version.queryOptions({ projectId, pipelineId, number: number ?? 1 }),
    enabled: number !== null,
    staleTime: Infinity,
  });
  const a = useQuery(options(first));
  const b = useQuery(options(second));
  const newer = view.kind === 'diff' ? (view.to === 'draft' ? draft : b.data?.spec) : undefined;
  const older = a.data?.spec;
  const shown = useMemo(() => {
    if (view.kind === 'draft' || !older) return null;
    if (view.kind === 'version') return { spec: older };
    return newer ? diffCanvas(older, newer) : null;
  }, [view.kind, older, newer]);
  return { loading: (first !== null && a.isPending) || (second !== null && b.isPending), error: a.error ?? b.error, shown };
}
