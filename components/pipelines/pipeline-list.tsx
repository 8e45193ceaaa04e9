'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';
import { NewPipelineForm } from './new-pipeline-form';

export function PipelineList() {
  const { project, canEdit } = useProject();
  const trpc = useTRPC();
  const pipelines = useQuery(trpc.pipelines.list.queryOptions({ projectId: project.id }));

  return (
    <main className="mx-auto max-w-5xl space-y-6 p-6">
      <div className="flex items-center justify-between">
        <h1 className="text-lg font-semibold">Pipelines</h1>
        {canEdit ? <NewPipelineForm /> : null}
      </div>
      <ErrorText error={pipelines.error} />
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Name</th>
              <th className="px-4 py-2 font-medium">Latest version</th>
              <th className="px-4 py-2 font-medium">Last run</th>
              <th className="px-4 py-2 font-medium">Updated</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {pipelines.isPending ? (
              <tr>
                <td colSpan={4} className="px-4 py-6 text-center text-slate-500">
                  Loading…
                </td>
              </tr>
            ) : null}
            {pipelines.data?.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-4 py-6 text-center text-slate-500">
                  No pipelines yet.
                </td>
              </tr>
            ) : null}
            {pipelines.data?.map((p) => (
              <tr key={p.id} className="hover:bg-slate-50">
                <td className="px-4 py-2">
                  <Link href={`/pipelines/${p.id}`} className="font-medium text-indigo-700 hover:underline">
                    {p.name}
                  </Link>
                  {p.description ? <p className="text-xs text-slate-500">{p.description}</p> : null}
                </td>
                <td className="px-4 py-2 text-slate-700">{p.latestVersion ? `v${p.latestVersion.number}` : <span className="text-slate-400">not saved</span>}</td>
                <td className="px-4 py-2">
                  {p.lastRun ? (
                    <Link href={`/runs/${p.lastRun.id}`} className="inline-flex items-center gap-2 hover:underline">
                      <StatusBadge status={p.lastRun.status} />
                      <span className="text-xs text-slate-500">
                        <Time value={p.lastRun.createdAt} />
                      </span>
                    </Link>
                  ) : (
                    <span className="text-slate-400">never run</span>
                  )}
                </td>
                <td className="px-4 py-2 text-xs text-slate-500">
                  <Time value={p.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
