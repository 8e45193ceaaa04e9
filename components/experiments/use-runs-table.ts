'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import type { TSort } from './runs-table';
import type { TColumns } from './use-column-choice';

export const PAGE_SIZE = 50;

/**
 * One page of the runs table, computed by the server; the previous page stays on screen while the
 * next loads. Not before `ready` (the columns are known), so opening the table asks for one page, not two.
 */
export function useRunsTable(projectId: string, experimentId: number, view: { filter: string; sort: TSort; offset: number; columns: TColumns }, ready: boolean) {
  const trpc = useTRPC();
  return useQuery(
    trpc.experiments.runs.queryOptions(
      { projectId, experimentId, filter: view.filter, orderBy: view.sort, params: view.columns.params, metrics: view.columns.metrics, offset: view.offset, limit: PAGE_SIZE },
      { enabled: ready, placeholderData: keepPreviousData, refetchInterval: 15_000 },
    ),
  );
}
