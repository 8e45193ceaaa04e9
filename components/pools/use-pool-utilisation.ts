'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';

/** A pool's last hour minute by minute; a minute is the finest step, so once a minute is enough. */
export function usePoolUtilisation(pool: string) {
  const trpc = useTRPC();
  return useQuery(trpc.pools.utilisation.queryOptions({ pool }, { refetchInterval: 60_000 }));
}
