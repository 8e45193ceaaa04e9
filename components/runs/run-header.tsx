import Link from 'next/link';
import type { TRunStatus } from '@/workflows/dsl';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDuration, Time } from '@/components/ui/time';

type TProps = {
  run: { status: TRunStatus; trigger: 'manual' | 'schedule'; error: string | null; createdAt: Date; startedAt: Date | null; endedAt: Date | null; startedByName: string | null };
  pipeline: { id: string; name: string };
  version: { number: number };
};

export function RunHeader({ run, pipeline, version }: TProps) {
  return (
    <div className="shrink-0 space-y-2 border-b border-slate-200 bg-white px-4 py-3">
      <div className="flex flex-wrap items-center gap-3">
        <Link href={`/pipelines/${pipeline.id}`} className="font-semibold text-indigo-700 hover:underline">
          {pipeline.name}
        </Link>
        <span className="text-sm text-slate-600">v{version.number}</span>
        <span data-testid="run-status" data-status={run.status}>
          <StatusBadge status={run.status} />
        </span>
        <span className="text-sm text-slate-600">
          {run.trigger === 'schedule' ? (
            <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-800">by schedule</span>
          ) : (
            <>started by {run.startedByName ?? 'unknown'}</>
          )}
        </span>
        <span className="text-xs text-slate-500">
          <Time value={run.createdAt} />
          {run.startedAt ? ` · ${formatDuration(run.startedAt, run.endedAt)}` : null}
        </span>
      </div>
      {run.error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {run.error}
        </p>
      ) : null}
    </div>
  );
}
