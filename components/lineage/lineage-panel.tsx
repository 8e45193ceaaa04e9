'use client';

import { useQuery } from '@tanstack/react-query';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { LineageGraph } from './lineage-graph';

export type TLineageFrom = { model: { name: string; version: number } } | { artifact: string };

/** The lineage around a model version or an artifact, loaded and drawn. */
export function LineagePanel({ from }: { from: TLineageFrom }) {
  const { project } = useProject();
  const trpc = useTRPC();
  const lineage = useQuery(trpc.models.lineage.queryOptions({ projectId: project.id, from }));
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-semibold text-slate-700">Lineage</h2>
      <ErrorText error={lineage.error} />
      {lineage.isPending ? <p className="text-sm text-slate-500">Loading…</p> : null}
      {lineage.data ? <LineageGraph lineage={lineage.data} /> : null}
    </section>
  );
}
