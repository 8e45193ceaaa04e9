'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { Time } from '@/components/ui/time';
import { AliasBadge } from './alias-badge';

export const modelHref = (name: string) => `/models/${encodeURIComponent(name)}`;

/** The Models page: the project's registered models, last updated first. */
export function ModelList() {
  const { project } = useProject();
  const trpc = useTRPC();
  const models = useQuery(trpc.models.list.queryOptions({ projectId: project.id }));

  return (
    <main className="mx-auto max-w-5xl space-y-6 p-6">
      <h1 className="text-lg font-semibold">Models</h1>
      <ErrorText error={models.error} />
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Name</th>
              <th className="px-4 py-2 font-medium">Latest version</th>
              <th className="px-4 py-2 font-medium">Aliases</th>
              <th className="px-4 py-2 font-medium">Updated</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {models.isPending ? (
              <tr>
                <td colSpan={4} className="px-4 py-6 text-center text-slate-500">
                  Loading…
                </td>
              </tr>
            ) : null}
            {models.data?.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-4 py-6 text-center text-slate-500">
                  No registered models yet: a pipeline&apos;s “Register model” step or an MLflow client registers them.
                </td>
              </tr>
            ) : null}
            {models.data?.map((m) => (
              <tr key={m.name} className="hover:bg-slate-50" data-testid={`model-row-${m.name}`}>
                <td className="px-4 py-2">
                  <Link href={modelHref(m.name)} className="font-medium text-indigo-700 hover:underline">
                    {m.name}
                  </Link>
                  {m.description ? <p className="line-clamp-1 text-xs text-slate-500">{m.description}</p> : null}
                </td>
                <td className="px-4 py-2 text-slate-700">{m.latestVersion ? `v${m.latestVersion}` : <span className="text-slate-400">none</span>}</td>
                <td className="px-4 py-2">
                  <span className="flex flex-wrap gap-1">
                    {m.aliases.map((a) => (
                      <AliasBadge key={a.alias} alias={a.alias} version={a.version} />
                    ))}
                  </span>
                </td>
                <td className="px-4 py-2 text-xs text-slate-500">
                  <Time value={m.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
