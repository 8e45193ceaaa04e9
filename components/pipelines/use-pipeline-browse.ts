'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';

export const PAGE_SIZE = 25;
export type TBrowseState = { search: string; tag?: string; sort: 'name' | 'updated' | 'created'; direction: 'asc' | 'desc'; archived: boolean; page: number };

/** The pipelines page's query: what the user typed and chose, one page at a time (the last page stays shown while the next loads). */
export function usePipelineBrowse() {
  const { project } = useProject();
  const trpc = useTRPC();
  const [state, setState] = useState<TBrowseState>({ search: '', sort: 'name', direction: 'asc', archived: false, page: 1 });
  const query = useQuery({ ...trpc.pipelines.browse.queryOptions({ projectId: project.id, ...state, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  // any change but the page's goes back to the first page
  const change = (patch: Partial<TBrowseState>) => setState((s) => ({ ...s, ...patch, page: patch.page ?? 1 }));
  const pages = Math.max(1, Math.ceil((query.data?.total ?? 0) / PAGE_SIZE));
  return { state, change, query, pages };
}
