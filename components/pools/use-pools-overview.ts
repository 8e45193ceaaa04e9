'use client';

import { useQuery } from '@tanstack/react-query';
import type { TApiOutputs } from '@/components/providers/api-types';
import { useTRPC } from '@/components/providers/trpc';

const OVERVIEW_POLL_MS = 5_000;

/** Every pool with its live workers and backlog, polled: Temporal's view changes by the second. */
export function usePoolsOverview() {
  const trpc = useTRPC();
  return useQuery(trpc.pools.overview.queryOptions(undefined, { refetchInterval: OVERVIEW_POLL_MS }));
}

export type TPool = TApiOutputs['pools']['overview'][number];
