'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';

/** A model's evaluations over time (tracking store), refreshed as new runs finish. */
export function useModelMetrics(projectId: string, name: string) {
  const trpc = useTRPC();
  return useQuery(trpc.models.metrics.queryOptions({ projectId, name }, { refetchInterval: 10_000 }));
}
