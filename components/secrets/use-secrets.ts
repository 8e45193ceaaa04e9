'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';

/** The project's secret names (never values: the API has none to give). */
export function useSecrets(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.secrets.list.queryOptions({ projectId }));
}
