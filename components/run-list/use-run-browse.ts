'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import type { TRunStatus } from '@/workflows/dsl';

export type TRunFilters = { pipelineId?: string; status?: TRunStatus; trigger?: 'manual' | 'schedule' | 'pipeline'; startedBy?: string; from?: string; to?: string };
type TCursor = { createdAt: string; id: string };

/** The Runs page's query: its filters and the keys of the pages seen (Previous walks back through them). */
export function useRunBrowse() {
  const { project } = useProject();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<TRunFilters>({});
  const [cursors, setCursors] = useState<TCursor[]>([]);
  const after = cursors.at(-1);
  const query = useQuery({
    ...trpc.runs.browse.queryOptions({ projectId: project.id, ...filters, ...(after ? { after } : {}), pageSize: 50 }),
    placeholderData: keepPreviousData,
    refetchInterval: cursors.length === 0 ? 5_000 : false, // the first page follows new runs
  });
  const pipelines = useQuery(trpc.pipelines.list.queryOptions({ projectId: project.id }));
  return {
    filters,
    filter: (patch: Partial<TRunFilters>) => {
      setFilters((f) => ({ ...f, ...patch }));
      setCursors([]);
    },
    query,
    pipelines: pipelines.data ?? [],
    page: cursors.length + 1,
    next: () => query.data?.next && setCursors((c) => [...c, query.data!.next!]),
    previous: () => setCursors((c) => c.slice(0, -1)),
  };
}
