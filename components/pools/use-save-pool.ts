'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';

/** Creates or updates a pool, then reloads the overview and the catalog (the canvas checks nodes against it). */
export function useSavePool() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.pools.overview.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.pools.catalog.queryKey() }),
    ]);
  const create = useMutation(trpc.pools.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.pools.update.mutationOptions({ onSuccess }));
  return { create, update };
}
