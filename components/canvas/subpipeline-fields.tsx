'use client';

import { useQuery } from '@tanstack/react-query';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { Field } from '@/components/ui/field';

const SELECT = 'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** A sub-pipeline: which pipeline of the project, and which of its saved versions, it runs. */
export function SubpipelineFields({ config, set, readOnly }: { config: Record<string, unknown>; set: (key: string, value: unknown) => void; readOnly: boolean }) {
  const trpc = useTRPC();
  const { project } = useProject();
  const pipelineId = typeof config.pipelineId === 'string' ? config.pipelineId : '';
  const pipelines = useQuery(trpc.pipelines.list.queryOptions({ projectId: project.id }));
  const versions = useQuery({ ...trpc.pipelines.get.queryOptions({ projectId: project.id, pipelineId }), enabled: pipelineId !== '' });
  return (
    <>
      <Field label="Pipeline">
        <select className={SELECT} disabled={readOnly} value={pipelineId} onChange={(e) => set('pipelineId', e.target.value)}>
          <option value="">Choose a pipeline…</option>
          {pipelines.data?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Version" hint="A saved version: what it runs never changes.">
        <select className={SELECT} disabled={readOnly || !versions.data} value={String(config.versionNumber ?? '')} onChange={(e) => set('versionNumber', Number(e.target.value))}>
          {versions.data?.versions.map((v) => (
            <option key={v.id} value={v.number}>
              v{v.number}
              {v.message ? ` · ${v.message}` : ''}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
