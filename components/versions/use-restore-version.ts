'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { TPipelineSpec } from '@/workflows/dsl';
import { useTRPC } from '@/components/providers/trpc';

type TOptions = { projectId: string; pipelineId: string; edit: ((fn: (spec: TPipelineSpec) => TPipelineSpec) => void) | undefined; onRestored: () => void };

/**
 * "Restore as draft": the old version's spec becomes the draft in one undoable edit (saving it
 * makes a new version). A failed fetch of the version is kept to be shown, never left unhandled.
 */
export function useRestoreVersion({ projectId, pipelineId, edit, onRestored }: TOptions) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const restore = useCallback(
    async (number: number) => {
      setError(null);
      try {
        const { spec } = await queryClient.fetchQuery({ ...trpc.pipelines.version.queryOptions({ projectId, pipelineId, number }), staleTime: Infinity });
        edit?.(() => spec);
        onRestored();
      } catch (err) {
        setError(err);
      }
    },
    [queryClient, trpc, projectId, pipelineId, edit, onRestored],
  );
  return { restore: edit ? (number: number) => void restore(number) : undefined, error };
}
