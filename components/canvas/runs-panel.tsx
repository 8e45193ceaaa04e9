'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';

/** The pipeline's runs, newest first, refreshed while the panel is open. */
export function RunsPanel({ projectId, pipelineId }: { projectId: string; pipelineId: string }) {
  const trpc = useTRPC();
  const runs = useQuery(trpc.runs.list.queryOptions({ projectId, pipelineId }, { refetchInterval: 3_000 }));
  return (
    <div className="space-y-3 p-4" data-testid="runs-panel">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Runs</h2>
      <ErrorText error={runs.error} />
      {runs.isPending ? <p className="text-sm text-slate-500">Loading…</p> : null}
      {runs.data?.length === 0 ? <p className="text-sm text-slate-500">No runs yet.</p> : null}
      <ul className="divide-y divide-slate-100">
        {runs.data?.map((run) => (
          <li key={run.id}>
            <Link href={`/runs/${run.id}`} className="block space-y-1 py-2 hover:bg-slate-50">
              <div className="flex items-center gap-2">
                <StatusBadge status={run.status} />
                <span className="text-sm text-slate-700">v{run.versionNumber}</span>
                {run.trigger === 'schedule' ? (
                  <span className="rounded bg-amber-100 px-1.5 text-[11px] font-medium text-amber-800" title={run.scheduleName ?? undefined}>
                    by schedule
                  </span>
                ) : null}
              </div>
              <div className="text-xs text-slate-500">
                <Time value={run.createdAt} />
                {run.trigger === 'manual' && run.startedByName ? ` · ${run.startedByName}` : null}
                {run.trigger === 'schedule' && run.scheduleName ? ` · ${run.scheduleName}` : null}
              </div>
              {run.error ? <div className="truncate text-xs text-red-700">{run.error}</div> : null}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
