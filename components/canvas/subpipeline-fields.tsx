'use client';

import { useQuery } from '@tanstack/react-query';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { ConfigField, text, type TConfigWidgetProps } from './config-field';

const SELECT = 'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** A sub-pipeline's pipeline: one of the project's. */
export function PipelineField({ field, value, onChange, readOnly }: TConfigWidgetProps) {
  const trpc = useTRPC();
  const { project } = useProject();
  const pipelines = useQuery(trpc.pipelines.list.queryOptions({ projectId: project.id }));
  return (
    <ConfigField label={field.label} hint={field.hint}>
      <select className={SELECT} disabled={readOnly} value={text(value)} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a pipeline…</option>
        {pipelines.data?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </ConfigField>
  );
}

/** A sub-pipeline's version: one of its pipeline's saved versions (what it runs never changes). */
export function PipelineVersionField({ field, value, config, onChange, readOnly }: TConfigWidgetProps) {
  const trpc = useTRPC();
  const { project } = useProject();
  const pipelineId = text(config.pipelineId);
  const versions = useQuery({ ...trpc.pipelines.get.queryOptions({ projectId: project.id, pipelineId }), enabled: pipelineId !== '' });
  return (
    <ConfigField label={field.label} hint={field.hint}>
      <select className={SELECT} disabled={readOnly || !versions.data} value={String(value ?? '')} onChange={(e) => onChange(Number(e.target.value))}>
        {versions.data?.versions.map((v) => (
          <option key={v.id} value={v.number}>
            v{v.number}
            {v.message ? ` · ${v.message}` : ''}
          </option>
        ))}
      </select>
    </ConfigField>
  );
}
