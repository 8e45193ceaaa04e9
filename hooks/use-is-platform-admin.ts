'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';

/**
 * Whether the signed-in user administers the platform (pools). Reads the me.get answer that
 * ProjectProvider already loaded (same query key), so it costs no request; false until known.
 * Only decides what the UI shows: the server checks again on every pools call.
 */
export function useIsPlatformAdmin(): boolean {
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions(undefined, { staleTime: 60_000 }));
  return me.data?.isPlatformAdmin ?? false;
}
