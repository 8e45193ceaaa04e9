'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TPipelineSpec } from '@/workflows/dsl';
import { useTRPC } from '@/components/providers/trpc';

const POLL_MS = 1_000;

/** "Test this step": starts a test of the draft's node and follows it until it ends. */
export function useStepTest(projectId: string, pipelineId: string, nodeId: string) {
  const trpc = useTRPC();
  const [started, setStarted] = useState<{ testId: string; missingInputs: string[] } | null>(null);
  const start = useMutation(trpc.stepTests.start.mutationOptions({ onSuccess: setStarted }));
  const result = useQuery(
    trpc.stepTests.get.queryOptions(
      { projectId, testId: started?.testId ?? '00000000-0000-0000-0000-000000000000' },
      { enabled: started !== null, staleTime: 0, refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : POLL_MS) },
    ),
  );
  return {
    run: (spec: TPipelineSpec) => start.mutate({ projectId, pipelineId, spec, nodeId }),
    starting: start.isPending,
    startError: start.error,
    missingInputs: started?.missingInputs ?? [],
    result: started ? result.data : undefined,
    resultError: result.error,
  };
}
