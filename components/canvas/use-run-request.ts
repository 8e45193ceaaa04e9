'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { emptySpec, parameterDefinitions, type TParameterDefinition, type TParameterValue, type TPipelineSpec } from '@/workflows/dsl';
import { diffSpecs, type TSpecDiff } from '@/workflows/dsl/spec-diff';
import { useStartRun } from '@/hooks/use-start-run';
import { useTRPC } from '@/components/providers/trpc';
import { rememberValues } from '@/components/parameters/remembered-values';
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

/**
 * What the Run dialog asks before a run starts: a message when the draft must be saved first, and
 * the values of the parameters of what runs. `versionId` is what runs when nothing is saved.
 */
export type TRunAsk = { save: { diff: TSpecDiff; suggested: string } | null; versionId: string | null; parameters: Record<string, TParameterDefinition> };

type TValues = Record<string, TParameterValue>;

/**
 * Run, on the draft or on a saved version. Every run points at an immutable version: a draft that
 * differs from the latest version (more than by where its nodes sit) is saved first, with the
 * message the dialog asks for or one made from the diff; a draft equal to it runs that version.
 * The dialog opens only when there is something to ask (a message, parameters).
 */
export function useRunRequest({ projectId, pipelineId, spec, versions, baseVersion, priority, onSaved }: TOptions) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const starter = useStartRun(projectId);
  const [ask, setAsk] = useState<TRunAsk | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  // the values the dialog was confirmed with, for the run that starts once the draft is saved
  const pending = useRef<TValues>({});
  const start = (versionId: string, params: TValues) => {
    if (Object.keys(params).length > 0) rememberValues(pipelineId, params);
    starter.startRun(versionId, { priority, params });
  };
  const saver = useSaveVersion({
    projectId,
    pipelineId,
    baseVersion,
    onSaved: (saved) => {
      onSaved(saved);
      // saved: trying again (the start refused, say) runs this version, it does not save again
      setAsk((a) => a && { ...a, save: null, versionId: saved.versionId });
      start(saved.versionId, pending.current);
    },
  });
  const versionSpec = async (number: number) =>
    (await queryClient.fetchQuery({ ...trpc.pipelines.version.queryOptions({ projectId, pipelineId, number }), staleTime: Infinity })).spec;

  async function prepare(version: TVersion | null): Promise<TRunAsk> {
    if (version) return { save: null, versionId: version.id, parameters: parameterDefinitions((await versionSpec(version.number)).parameters) };
    const latest = versions[0];
    const diff = diffSpecs(latest ? await versionSpec(latest.number) : emptySpec(), spec);
    const save = latest && diff.identical ? null : { diff, suggested: versionMessageOf(diff) };
    return { save, versionId: save ? null : latest!.id, parameters: parameterDefinitions(spec.parameters) };
  }

  async function request(versionId: string | null) {
    setCheckError(null);
    try {
      const next = await prepare(versions.find((v) => v.id === versionId) ?? null);
      if (!next.save && next.versionId && Object.keys(next.parameters).length === 0) start(next.versionId, {});
      else setAsk(next);
    } catch (error) {
      setCheckError(error);
    }
  }

  return {
    /** `null`: the draft */
    request: (versionId: string | null) => void request(versionId),
    ask,
    close: () => {
      setAsk(null);
      saver.reset();
    },
    /** the dialog's answer: save the draft (with this message, or the suggested one) if it must be, then run with these values */
    confirm: (message: string, params: TValues) => {
      pending.current = params;
      if (ask?.save) saver.save(spec, message.trim() || ask.save.suggested);
      else if (ask?.versionId) start(ask.versionId, params);
    },
    /** after a conflict: save on top of the colleague's version `number`, deliberately, then run */
    saveOnTop: (number: number, message: string) => ask?.save && saver.save(spec, message.trim() || ask.save.suggested, number),
    saver,
    isPending: starter.isPending || saver.isPending,
    error: starter.error ?? checkError,
  };
}

export type TRunRequest = ReturnType<typeof useRunRequest>;
