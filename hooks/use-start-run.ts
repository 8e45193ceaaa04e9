'use client';

import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { useRunLaunch } from './use-run-launch';

/** Starts a run of a pipeline version and opens it (one run per intent, see useRunLaunch). */
export function useStartRun(projectId: string) {
  const trpc = useTRPC();
  const launch = useRunLaunch();
  const start = useMutation(trpc.runs.start.mutationOptions({ onSuccess: ({ runId }) => launch.opened(runId) }));

  function startRun(versionId: string, opts: { params?: Record<string, string | number | boolean>; priority?: number } = {}) {
    start.mutate({ projectId, versionId, requestId: launch.requestIdFor(versionId), ...opts });
  }

  return { startRun, isPending: start.isPending || start.isSuccess, error: start.error };
}
