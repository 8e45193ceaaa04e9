'use client';

import { useQuery } from '@tanstack/react-query';
import type { TApiOutputs } from '@/components/providers/api-types';
import { useTRPC } from '@/components/providers/trpc';

export type TTrackingRun = TApiOutputs['experiments']['trackingRuns'][number];
export type TTrackingRunsOf = { weftRunId: string } | { runUuid: string };

/** What a Weft run logged (its parent tracking run, then its steps' runs), or one tracking run; refreshed while steps may still log. */
export function useTrackingRuns(projectId: string, of: TTrackingRunsOf) {
  const trpc = useTRPC();
  return useQuery(trpc.experiments.trackingRuns.queryOptions({ projectId, ...of }, { refetchInterval: 10_000 }));
}

/** "run" for a pipeline run's own tracking run, the step (and attempt after the first) for a step's. */
export const trackingRunLabel = (r: TTrackingRun) => (r.weftNodeId ? `${r.weftNodeId}${r.weftAttempt && r.weftAttempt > 1 ? ` (attempt ${r.weftAttempt})` : ''}` : r.weftRunId ? 'run' : r.name);
