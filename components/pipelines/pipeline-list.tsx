'use client';

import Link from 'next/link';
import { useProject } from '@/components/project/project-context';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Input, Select } from '@/components/ui/field';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';
import { ImportPipelineButton } from './import-pipeline-button';
import { NewPipelineForm } from './new-pipeline-form';
import { PipelineRowActions } from './pipeline-row-actions';
import { usePipelineBrowse, type TBrowseState } from './use-pipeline-browse';

const SORTS: { value: `${TBrowseState['sort']}:${TBrowseState['direction']}`; label: string }[] = [
  { value: 'name:asc', label: 'Name A–Z' },
  { value: 'name:desc', label: 'Name Z–A' },
  { value: 'updated:desc', label: 'Recently updated' },
  { value: 'created:desc', label: 'Newest' },
];

export function PipelineList() {
  const { canEdit } = useProject();
  const { state, change, query, pages } = usePipelineBrowse();
  const items = query.data?.items;
  const columns = canEdit ? 5 : 4;

  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-lg font-semibold">Pipelines</h1>
        {canEdit ? (
          <div className="flex items-start gap-2">
            <ImportPipelineButton />
            <NewPipelineForm />
          </div>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Input type="search" aria-label="Search pipelines" placeholder="Search names and descriptions" className="max-w-xs" value={state.search} onChange={(e) => change({ search: e.target.value })} />
        <Select aria-label="Sort" className="w-48" value={`${state.sort}:${state.direction}`} onChange={(e) => {
          const [sort, direction] = e.target.value.split(':') as [TBrowseState['sort'], TBrowseState['direction']];
          change({ sort, direction });
        }}>
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </Select>
        <Select aria-label="Tag" className="w-40" value={state.tag ?? ''} onChange={(e) => change({ tag: e.target.value || undefined })}>
          <option value="">All tags</option>
          {query.data?.tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
        <label className="flex items-center gap-1.5 text-sm text-slate-600">
          <input type="checkbox" checked={state.archived} onChange={(e) => change({ archived: e.target.checked })} />
          Archived
        </label>
      </div>
      <ErrorText error={query.error} />
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Name</th>
              <th className="px-4 py-2 font-medium">Latest version</th>
              <th className="px-4 py-2 font-medium">Last run</th>
              <th className="px-4 py-2 font-medium">Updated</th>
              {canEdit ? <th className="px-4 py-2 font-medium sr-only">Actions</th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {query.isPending ? (
              <tr>
                <td colSpan={columns} className="px-4 py-6 text-center text-slate-500">
                  Loading…
                </td>
              </tr>
            ) : null}
            {items?.length === 0 ? (
              <tr>
                <td colSpan={columns} className="px-4 py-6 text-center text-slate-500">
                  {state.search || state.tag ? 'No pipeline matches.' : state.archived ? 'No archived pipelines.' : 'No pipelines yet.'}
                </td>
              </tr>
            ) : null}
            {items?.map((p) => (
              <tr key={p.id} className="hover:bg-slate-50" data-pipeline-name={p.name}>
                <td className="px-4 py-2">
                  <Link href={`/pipelines/${p.id}`} className="font-medium text-indigo-700 hover:underline">
                    {p.name}
                  </Link>
                  {p.description ? <p className="text-xs text-slate-500">{p.description}</p> : null}
                  {p.tags.length ? (
                    <div className="mt-1 flex flex-wrap gap-1">
                      {p.tags.map((t) => (
                        <button key={t} type="button" onClick={() => change({ tag: t })} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-200">
                          {t}
                        </button>
                      ))}
                    </div>
                  ) : null}
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
                {canEdit ? (
                  <td className="px-2 py-2">
                    <PipelineRowActions row={p} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="flex items-center justify-end gap-2 text-sm" aria-label="Pages">
          <Button onClick={() => change({ page: state.page - 1 })} disabled={state.page <= 1}>
            Previous
          </Button>
          <span className="text-slate-600">
            Page {state.page} of {pages} ({query.data?.total} pipelines)
          </span>
          <Button onClick={() => change({ page: state.page + 1 })} disabled={state.page >= pages}>
            Next
          </Button>
        </nav>
      ) : null}
    </main>
  );
}
