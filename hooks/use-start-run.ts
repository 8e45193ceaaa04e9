'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { newRequestId } from './new-request-id';

/**
 * Starts a run of a pipeline version and opens it. One request id per intent: a double-click, or
 * a retry after a lost answer, sends the same id, and the server makes one run of it.
 */
export function useStartRun(projectId: string) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const intent = useRef<{ versionId: string; requestId: string } | null>(null);
  const start = useMutation(
    trpc.runs.start.mutationOptions({
      onSuccess: ({ runId }) => {
        intent.current = null;
        void queryClient.invalidateQueries({ queryKey: trpc.runs.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.pipelines.list.queryKey() });
        router.push(`/runs/${runId}`);
      },
    }),
  );

  function startRun(versionId: string, params?: Record<string, string | number | boolean>) {
    if (intent.current?.versionId !== versionId) intent.current = { versionId, requestId: newRequestId() };
    start.mutate({ projectId, versionId, requestId: intent.current.requestId, ...(params ? { params } : {}) });
  }

  return { startRun, isPending: start.isPending || start.isSuccess, error: start.error };
}
