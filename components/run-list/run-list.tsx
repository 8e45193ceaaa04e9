'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Input, Select } from '@/components/ui/field';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDuration } from '@/components/ui/time';
import { RUN_STATUSES, type TRunStatus } from '@/workflows/dsl';
import { useRunBrowse, type TRunFilters } from './use-run-browse';

const TRIGGERS = ['manual', 'schedule', 'pipeline'] as const;
/** a date input's day as the start of that day in the user's zone, sent as an instant */
const dayStart = (day: string, plusDays = 0) => (day ? new Date(new Date(`${day}T00:00:00`).getTime() + plusDays * 86_400_000).toISOString() : undefined);

/** The project's runs: filter by pipeline, status, trigger, who and day; newest first, paged. */
export function RunList() {
  const { filters, filter, query, pipelines, page, next, previous } = useRunBrowse();
  const items = query.data?.items;
  const [fromDay, setFromDay] = [filters.from ? filters.from.slice(0, 10) : '', (day: string) => filter({ from: dayStart(day) })];
  const [toDay, setToDay] = [filters.to ? new Date(new Date(filters.to).getTime() - 86_400_000).toISOString().slice(0, 10) : '', (day: string) => filter({ to: dayStart(day, 1) })];

  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <h1 className="text-lg font-semibold">Runs</h1>
      <div className="flex flex-wrap items-center gap-2">
        <Select aria-label="Pipeline" className="w-56" value={filters.pipelineId ?? ''} onChange={(e) => filter({ pipelineId: e.target.value || undefined })}>
          <option value="">All pipelines</option>
          {pipelines.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
        <Select aria-label="Status" className="w-40" value={filters.status ?? ''} onChange={(e) => filter({ status: (e.target.value || undefined) as TRunStatus | undefined })}>
          <option value="">Any status</option>
          {RUN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s.replace('_', ' ')}
            </option>
          ))}
        </Select>
        <Select aria-label="Trigger" className="w-36" value={filters.trigger ?? ''} onChange={(e) => filter({ trigger: (e.target.value || undefined) as TRunFilters['trigger'] })}>
          <option value="">Any trigger</option>
          {TRIGGERS.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
        <Select aria-label="Started by" className="w-44" value={filters.startedBy ?? ''} onChange={(e) => filter({ startedBy: e.target.value || undefined })}>
          <option value="">Anyone</option>
          {query.data?.requesters.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <label className="flex items-center gap-1 text-sm text-slate-600">
          From <Input type="date" aria-label="From day" className="w-40" value={fromDay} onChange={(e) => setFromDay(e.target.value)} />
        </label>
        <label className="flex items-center gap-1 text-sm text-slate-600">
          to <Input type="date" aria-label="To day" className="w-40" value={toDay} onChange={(e) => setToDay(e.target.value)} />
        </label>
      </div>
      <ErrorText error={query.error} />
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Status</th>
              <th className="px-4 py-2 font-medium">Pipeline</th>
              <th className="px-4 py-2 font-medium">Trigger</th>
              <th className="px-4 py-2 font-medium">Started</th>
              <th className="px-4 py-2 font-medium">Duration</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {query.isPending ? (
              <tr>
                <td colSpan={5} className="px-4 py-6 text-center text-slate-500">
                  Loading…
                </td>
              </tr>
            ) : null}
            {items?.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-4 py-6 text-center text-slate-500">
                  No runs match.
                </td>
              </tr>
            ) : null}
            {items?.map((r) => (
              <tr key={r.id} className="hover:bg-slate-50" data-run-id={r.id}>
                <td className="px-4 py-2">
                  <Link href={`/runs/${r.id}`} className="hover:underline">
                    <StatusBadge status={r.status} />
                  </Link>
                  {r.error ? <p className="mt-1 max-w-md truncate text-xs text-red-700" title={r.error}>{r.error}</p> : null}
                </td>
                <td className="px-4 py-2">
                  <Link href={`/pipelines/${r.pipelineId}`} className="font-medium text-indigo-700 hover:underline">
                    {r.pipelineName}
                  </Link>
                  <span className="ml-1 text-xs text-slate-500">v{r.versionNumber}</span>
                </td>
                <td className="px-4 py-2 text-slate-700">
                  {r.trigger === 'schedule' ? `schedule ${r.scheduleName ?? ''}` : r.trigger}
                  {r.startedByName ? <span className="block text-xs text-slate-500">for {r.startedByName}</span> : null}
                </td>
                <td className="px-4 py-2 text-slate-700">
                  <RelativeTime value={r.createdAt} />
                </td>
                <td className="px-4 py-2 text-xs text-slate-600">{formatDuration(r.startedAt ?? r.createdAt, r.endedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="flex items-center justify-end gap-2 text-sm" aria-label="Pages">
        <Button onClick={previous} disabled={page <= 1}>
          Newer
        </Button>
        <span className="text-slate-600">Page {page}</span>
        <Button onClick={next} disabled={!query.data?.next}>
          Older
        </Button>
      </nav>
    </main>
  );
}
