'use client';

import { useQuery } from '@tanstack/react-query';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { useClock } from '@/components/ui/clock';
import { ErrorText } from '@/components/ui/error-text';
import { formatDuration } from '@/components/ui/time';
import { isOpenRun, type TRunStatus } from '@/workflows/dsl';
import { ganttRows, type TSegment } from './gantt-bars';

const COLOURS: Record<string, string> = {
  queued: 'bg-slate-200',
  running: 'bg-sky-500 animate-pulse',
  succeeded: 'bg-emerald-500',
  failed: 'bg-red-500',
  cancelled: 'bg-amber-400',
  lost: 'bg-slate-400',
};
const segmentClass = (s: TSegment) => (s.kind === 'cached' ? 'bg-emerald-300 ring-1 ring-emerald-600' : (COLOURS[s.status] ?? 'bg-slate-400'));

/** The run's timeline: a row per step with its queue wait and attempts (retries visible), ticking while the run is open. */
export function RunGantt({ runId, labelOf }: { runId: string; labelOf: (nodeId: string) => string }) {
  const { project } = useProject();
  const trpc = useTRPC();
  const timeline = useQuery(
    trpc.runs.timeline.queryOptions({ projectId: project.id, runId }, { refetchInterval: (q) => (q.state.data && !isOpenRun(q.state.data.run.status as TRunStatus) ? false : 1_000) }),
  );
  const open = timeline.data ? isOpenRun(timeline.data.run.status as TRunStatus) : false;
  const now = useClock(1_000, open);
  if (timeline.error) return <ErrorText error={timeline.error} />;
  if (!timeline.data) return <p className="text-sm text-slate-500">Loading the timeline…</p>;
  const { run, steps } = timeline.data;
  const { rows } = ganttRows(steps, run, now, labelOf);
  if (rows.length === 0) return <p className="text-sm text-slate-500">No step has started yet.</p>;
  return (
    <section aria-label="Timeline" data-testid="run-gantt" className="space-y-1 text-xs">
      <div className="flex justify-between text-slate-500">
        <span>0 s</span>
        <span data-testid="run-duration">{formatDuration(run.startedAt ?? run.createdAt, run.endedAt ?? new Date(now))}</span>
      </div>
      {rows.map((row) => (
        <div key={row.nodeId} className="grid grid-cols-[10rem_1fr] items-center gap-2" data-gantt-node={row.nodeId}>
          <span className="truncate text-slate-700" title={row.label}>
            {row.label}
          </span>
          <div className="relative h-4 rounded bg-slate-50">
            {row.segments.map((s, i) => (
              <div
                key={i}
                title={s.title}
                aria-label={s.title}
                data-segment={s.kind}
                data-status={s.status}
                className={`absolute top-0.5 h-3 rounded-sm ${segmentClass(s)}`}
                style={{ left: `${s.left}%`, width: `${s.width}%` }}
              />
            ))}
          </div>
        </div>
      ))}
      <p className="pt-1 text-slate-500">Grey: waiting for a worker · colour: an attempt (red failed, green succeeded, blue running) · gaps between attempts: retry backoff.</p>
    </section>
  );
}
