'use client';

import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { useRunLaunch } from './use-run-launch';

/** Retries a failed or cancelled run from its failure and opens the new run (one per intent). */
export function useRetryRun(projectId: string) {
  const trpc = useTRPC();
  const launch = useRunLaunch();
  const retry = useMutation(trpc.runs.retry.mutationOptions({ onSuccess: ({ runId }) => launch.opened(runId) }));

  function retryRun(runId: string) {
    retry.mutate({ projectId, runId, requestId: launch.requestIdFor(runId) });
  }

  return { retryRun, isPending: retry.isPending || retry.isSuccess, error: retry.error };
}
