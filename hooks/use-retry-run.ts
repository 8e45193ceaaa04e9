'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { newRequestId } from './new-request-id';

/**
 * Retries a failed or cancelled run from its failure and opens the new run. As in useStartRun,
 * one request id per intent: a double-click, or a second click after a lost answer, sends the
 * same id, and the server makes one new run of it.
 */
export function useRetryRun(projectId: string) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const intent = useRef<{ runId: string; requestId: string } | null>(null);
  const retry = useMutation(
    trpc.runs.retry.mutationOptions({
      onSuccess: ({ runId }) => {
        intent.current = null;
        void queryClient.invalidateQueries({ queryKey: trpc.runs.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.pipelines.list.queryKey() });
        router.push(`/runs/${runId}`);
      },
    }),
  );

  function retryRun(runId: string) {
    if (intent.current?.runId !== runId) intent.current = { runId, requestId: newRequestId() };
    retry.mutate({ projectId, runId, requestId: intent.current.requestId });
  }

  return { retryRun, isPending: retry.isPending || retry.isSuccess, error: retry.error };
}
