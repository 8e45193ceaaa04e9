import Link from 'next/link';
import type { TApiOutputs } from '@/components/providers/api-types';
import { Time } from '@/components/ui/time';
import { AliasBadge } from './alias-badge';
import { modelHref } from './model-list';

type TVersion = TApiOutputs['models']['get']['versions'][number];

/** A model's versions, newest first: aliases, where each came from, who registered it. */
export function VersionsTable({ name, versions }: { name: string; versions: TVersion[] }) {
  return (
    <section className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Version</th>
            <th className="px-4 py-2 font-medium">Aliases</th>
            <th className="px-4 py-2 font-medium">Source</th>
            <th className="px-4 py-2 font-medium">Registered</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {versions.length === 0 ? (
            <tr>
              <td colSpan={4} className="px-4 py-6 text-center text-slate-500">
                No versions yet.
              </td>
            </tr>
          ) : null}
          {versions.map((v) => (
            <tr key={v.version} data-testid={`version-row-${v.version}`}>
              <td className="px-4 py-2">
                <Link href={`${modelHref(name)}/versions/${v.version}`} className="font-medium text-indigo-700 hover:underline">
                  v{v.version}
                </Link>
              </td>
              <td className="px-4 py-2">
                <span className="flex flex-wrap gap-1">
                  {v.aliases.map((a) => (
                    <AliasBadge key={a} alias={a} />
                  ))}
                  {v.stage !== 'None' ? (
                    <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600 ring-1 ring-inset ring-slate-300" title="MLflow stage">
                      {v.stage}
                    </span>
                  ) : null}
                </span>
              </td>
              <td className="max-w-xs px-4 py-2 text-xs">
                {v.weftRunId ? (
                  <Link href={`/runs/${v.weftRunId}`} className="text-indigo-700 hover:underline">
                    run step {v.weftNodeId}
                  </Link>
                ) : null}
                <span className="block truncate font-mono text-slate-500" title={v.source}>
                  {v.source}
                </span>
              </td>
              <td className="px-4 py-2 text-xs text-slate-500">
                {v.registeredBy ?? 'a pipeline'} · <Time value={v.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
