'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { Time } from '@/components/ui/time';

/** Every experiment of the project: pipelines' and those MLflow clients created. */
export function ExperimentsList() {
  const { project } = useProject();
  const trpc = useTRPC();
  const experiments = useQuery(trpc.experiments.list.queryOptions({ projectId: project.id }));
  return (
    <main className="mx-auto max-w-5xl space-y-6 p-6">
      <h1 className="text-lg font-semibold">Experiments</h1>
      <ErrorText error={experiments.error} />
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Name</th>
              <th className="px-4 py-2 font-medium">Pipeline</th>
              <th className="px-4 py-2 text-right font-medium">Runs</th>
              <th className="px-4 py-2 font-medium">Last run</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {experiments.isPending ? (
              <tr>
                <td colSpan={4} className="px-4 py-6 text-center text-slate-500">
                  Loading…
                </td>
              </tr>
            ) : null}
            {experiments.data?.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-4 py-6 text-center text-slate-500">
                  No experiments yet: runs that log metrics (a pipeline&apos;s steps, or an MLflow client) create them.
                </td>
              </tr>
            ) : null}
            {experiments.data?.map((e) => (
              <tr key={e.id} className="hover:bg-slate-50">
                <td className="px-4 py-2">
                  <Link href={`/experiments/${e.id}`} className="font-medium text-indigo-700 hover:underline">
                    {e.name}
                  </Link>
                </td>
                <td className="px-4 py-2 text-slate-700">
                  {e.pipelineId ? (
                    <Link href={`/pipelines/${e.pipelineId}`} className="hover:underline">
                      {e.pipelineName}
                    </Link>
                  ) : (
                    <span className="text-slate-400">client</span>
                  )}
                </td>
                <td className="px-4 py-2 text-right tabular-nums">{e.runCount.toLocaleString()}</td>
                <td className="px-4 py-2 text-xs text-slate-500">
                  <Time value={e.lastRunTime === null ? null : new Date(e.lastRunTime)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
