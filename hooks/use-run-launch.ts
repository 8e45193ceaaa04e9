'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { newRequestId } from './new-request-id';

/**
 * What starting a run (or retrying one) needs in the browser: one request id per intent — a
 * double-click, or a second click after a lost answer, sends the same id and the server makes one
 * run of it — and, once the run exists, fresh lists and the run's page.
 */
export function useRunLaunch() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const intent = useRef<{ key: string; requestId: string } | null>(null);
  return {
    requestIdFor(key: string): string {
      if (intent.current?.key !== key) intent.current = { key, requestId: newRequestId() };
      return intent.current.requestId;
    },
    opened(runId: string): void {
      intent.current = null;
      void queryClient.invalidateQueries({ queryKey: trpc.runs.list.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.pipelines.list.queryKey() });
      router.push(`/runs/${runId}`);
    },
  };
}
