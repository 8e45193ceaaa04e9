'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { isOpenRun, type TRunStatus } from '@/workflows/dsl';
import type { TStepView } from '@/components/canvas/flow-elements';
import { useTRPC } from '@/components/providers/trpc';

export const RUN_POLL_MS = 500;
export const isRunFinished = (status: TRunStatus) => !isOpenRun(status);

/** The run, polled every 500 ms until it finishes, and each node's step state (pending until recorded). */
export function useRun(projectId: string, runId: string) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.runs.get.queryOptions(
      { projectId, runId },
      {
        staleTime: 0,
        refetchInterval: (q) => (q.state.status === 'error' || (q.state.data && isRunFinished(q.state.data.run.status)) ? false : RUN_POLL_MS),
      },
    ),
  );

  const data = query.data;
  const steps = useMemo(() => {
    const byNode = new Map<string, TStepView>();
    if (!data) return byNode;
    for (const node of data.version.spec.nodes) byNode.set(node.id, { status: 'pending', attempts: 0, origin: 'executed', flag: null, startedAt: null, endedAt: null });
    for (const { nodeId, status, attempts, origin, flag, startedAt, endedAt } of data.steps) {
      byNode.set(nodeId, { status, attempts, origin, flag, startedAt: startedAt?.getTime() ?? null, endedAt: endedAt?.getTime() ?? null });
    }
    return byNode;
  }, [data]);

  return { query, steps };
}
