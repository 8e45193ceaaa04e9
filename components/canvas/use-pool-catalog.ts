'use client';

import { useQuery } from '@tanstack/react-query';
import { DEFAULT_POOLS, type TPoolCatalogEntry } from '@/workflows/dsl';
import { useTRPC } from '@/components/providers/trpc';

/**
 * The platform's pools, which node resources are checked against. Until they load (or if loading
 * fails) the pool every project has stands in; the server checks against the real ones anyway.
 */
export function usePoolCatalog(): readonly TPoolCatalogEntry[] {
  const trpc = useTRPC();
  const catalog = useQuery(trpc.pools.catalog.queryOptions());
  return catalog.data ?? DEFAULT_POOLS;
}
