'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TPipelineSpec } from '@/workflows/dsl';
import { useTRPC } from '@/components/providers/trpc';
import { errorConflict, errorProblems } from '@/components/providers/trpc-errors';

type TOptions = { projectId: string; pipelineId: string; baseVersion: number; onSaved: (saved: { versionId: string; number: number }) => void };

/**
 * Saves the draft as a new version on top of `baseVersion`, the version this editor started from:
 * when a colleague saved another one since, the server refuses (409) and `conflict` says who and
 * what differs. Saving over it anyway is a deliberate second step (`saveOnTop` of their version).
 */
export function useSaveVersion({ projectId, pipelineId, baseVersion, onSaved }: TOptions) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutation = useMutation(
    trpc.pipelines.saveVersion.mutationOptions({
      onSuccess: async (saved) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.pipelines.get.queryKey({ projectId, pipelineId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.pipelines.list.queryKey() }),
        ]);
        onSaved(saved);
      },
    }),
  );
  const save = (spec: TPipelineSpec, message: string, base = baseVersion) => mutation.mutate({ projectId, pipelineId, spec, message, baseVersion: base });
  return {
    save,
    isPending: mutation.isPending,
    error: mutation.error,
    conflict: errorConflict(mutation.error),
    problems: errorProblems(mutation.error),
    reset: mutation.reset,
  };
}

export type TSaveVersion = ReturnType<typeof useSaveVersion>;
