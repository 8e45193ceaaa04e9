'use client';

import { useQuery } from '@tanstack/react-query';
import { useProject } from '@/components/project/project-context';
import type { TApiOutputs } from '@/components/providers/api-types';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';

type TColumns = NonNullable<TApiOutputs['models']['signature']>['inputs'];

const Columns = ({ title, columns }: { title: string; columns: TColumns }) => (
  <div>
    <h3 className="text-xs font-medium text-slate-500">{title}</h3>
    <ul className="font-mono text-xs">
      {columns.map((c, i) => (
        <li key={`${c.name ?? ''}:${i}`}>
          {c.name ? <span>{c.name}: </span> : null}
          <span className="text-slate-500">{c.type}</span>
        </li>
      ))}
    </ul>
  </div>
);

/** The version's signature from its MLmodel file; nothing at all for a version that has none (a pipeline's file artifact). */
export function VersionSignature({ name, version }: { name: string; version: number }) {
  const { project } = useProject();
  const trpc = useTRPC();
  const signature = useQuery(trpc.models.signature.queryOptions({ projectId: project.id, name, version }));
  if (!signature.data && !signature.error) return null;
  return (
    <section className="space-y-1.5 rounded-lg border border-slate-200 bg-white p-4" data-testid="version-signature">
      <h2 className="text-sm font-semibold text-slate-700">Signature</h2>
      <ErrorText error={signature.error} />
      {signature.data ? (
        <div className="flex flex-wrap gap-8">
          <Columns title="inputs" columns={signature.data.inputs} />
          <Columns title="outputs" columns={signature.data.outputs} />
        </div>
      ) : null}
    </section>
  );
}
