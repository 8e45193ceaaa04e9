'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { emptySpec, type TPipelineSpec } from '@/workflows/dsl';
import { diffSpecs, type TSpecDiff } from '@/workflows/dsl/spec-diff';
import { useStartRun } from '@/hooks/use-start-run';
import { useTRPC } from '@/components/providers/trpc';
import { versionMessageOf } from '@/components/versions/version-message';
import { useSaveVersion } from '@/components/versions/use-save-version';

type TVersion = { id: string; number: number };
type TOptions = {
  projectId: string;
  pipelineId: string;
  /** the draft */
  spec: TPipelineSpec;
  /** newest first */
  versions: readonly TVersion[];
  baseVersion: number;
  priority: number;
  onSaved: (saved: { versionId: string; number: number }) => void;
};

/** What the Run dialog asks before a run starts: a message when the draft must be saved first. */
export type TRunAsk = { save: { diff: TSpecDiff; suggested: string } | null; versionId: string | null };

/**
 * Run, on the draft or on a saved version. Every run points at an immutable version: a draft that
 * differs from the latest version (more than by where its nodes sit) is saved first, with the
 * message the dialog asks for or one made from the diff; a draft equal to it runs that version.
 */
export function useRunRequest({ projectId, pipelineId, spec, versions, baseVersion, priority, onSaved }: TOptions) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const starter = useStartRun(projectId);
  const [ask, setAsk] = useState<TRunAsk | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const saver = useSaveVersion({
    projectId,
    pipelineId,
    baseVersion,
    onSaved: (saved) => {
      onSaved(saved);
      starter.startRun(saved.versionId, { priority });
    },
  });

  async function runDraft() {
    setCheckError(null);
    const latest = versions[0];
    try {
      const latestSpec = latest ? (await queryClient.fetchQuery(trpc.pipelines.version.queryOptions({ projectId, pipelineId, number: latest.number }))).spec : emptySpec();
      const diff = diffSpecs(latestSpec, spec);
      if (latest && diff.identical) starter.startRun(latest.id, { priority });
      else setAsk({ save: { diff, suggested: versionMessageOf(diff) }, versionId: null });
    } catch (error) {
      setCheckError(error);
    }
  }

  return {
    /** `null`: the draft */
    request: (versionId: string | null) => (versionId ? starter.startRun(versionId, { priority }) : void runDraft()),
    ask,
    close: () => {
      setAsk(null);
      saver.reset();
    },
    /** the dialog's answer: save the draft with this message (or the suggested one), then run */
    confirm: (message: string) => (ask?.save ? saver.save(spec, message.trim() || ask.save.suggested) : ask?.versionId && starter.startRun(ask.versionId, { priority })),
    saveOnTop: (number: number, message: string) => ask?.save && saver.save(spec, message.trim() || ask.save.suggested, number),
    saver,
    isPending: starter.isPending || saver.isPending,
    error: starter.error ?? checkError,
  };
}

export type TRunRequest = ReturnType<typeof useRunRequest>;
