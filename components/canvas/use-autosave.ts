'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ZPipelineSpecSchema, type TPipelineSpec } from '@/workflows/dsl';
import { useTRPC, useTRPCClient } from '@/components/providers/trpc';

export const AUTOSAVE_DELAY_MS = 800;
const RETRY_DELAY_MS = 5_000;

export type TAutosaveState = 'saved' | 'pending' | 'saving' | 'blocked' | 'error';

type TOptions = { projectId: string; pipelineId: string; spec: TPipelineSpec; revision: number; enabled: boolean };

/**
 * Saves the draft 800 ms after the last edit, one request at a time. A spec that does not even
 * parse (e.g. a retry count of 0) is not sent: the server would refuse it; the node shows why.
 * Unsaved edits are flushed when the editor unmounts.
 */
export function useAutosave({ projectId, pipelineId, spec, revision, enabled }: TOptions): TAutosaveState {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const save = useMutation(trpc.pipelines.saveDraft.mutationOptions());
  const [savedRevision, setSavedRevision] = useState(0);
  const parses = ZPipelineSpecSchema.safeParse(spec).success;
  const dirty = enabled && revision > savedRevision;

  const latest = useRef({ spec, revision, savedRevision, parses, dirty });
  useEffect(() => {
    latest.current = { spec, revision, savedRevision, parses, dirty };
  });

  const { mutate, isPending, isError } = save;
  useEffect(() => {
    if (!dirty || !parses || isPending) return;
    const timer = setTimeout(() => {
      mutate({ projectId, pipelineId, spec }, { onSuccess: () => setSavedRevision((r) => Math.max(r, revision)) });
    }, isError ? RETRY_DELAY_MS : AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [dirty, parses, isPending, isError, mutate, projectId, pipelineId, spec, revision]);

  useEffect(
    () => () => {
      const last = latest.current;
      if (last.dirty && last.parses) void client.pipelines.saveDraft.mutate({ projectId, pipelineId, spec: last.spec }).catch(() => undefined);
    },
    [client, projectId, pipelineId],
  );

  if (save.isPending) return 'saving';
  if (!dirty) return 'saved';
  if (!parses) return 'blocked';
  if (save.isError) return 'error';
  return 'pending';
}
