export type TTimelineAttempt = { attempt: number; status: string; workerIdentity: string | null; startedAt: Date; endedAt: Date | null };
export type TTimelineStep = { nodeId: string; status: string; origin: string; startedAt: Date | null; endedAt: Date | null; attempts: TTimelineAttempt[] };
export type TSegment = { kind: 'wait' | 'attempt' | 'cached'; status: string; left: number; width: number; title: string };
export type TGanttRow = { nodeId: string; label: string; status: string; segments: TSegment[] };

const seconds = (ms: number) => (ms < 1_000 ? `${Math.round(ms)} ms` : ms < 60_000 ? `${(ms / 1_000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1_000)} s`);

/**
 * The Gantt's bars, in percent of the run's span (its start to its end, or now while it runs):
 * per step, the wait from its dispatch to its first attempt (queue wait), then each attempt (the
 * gaps between them are retry backoff). A step served from the cache is one marker.
 */
export function ganttRows(steps: TTimelineStep[], run: { startedAt: Date | null; createdAt: Date; endedAt: Date | null }, now: number, labelOf: (nodeId: string) => string): { rows: TGanttRow[]; spanMs: number } {
  const start = (run.startedAt ?? run.createdAt).getTime();
  const latest = Math.max(run.endedAt?.getTime() ?? now, ...steps.flatMap((s) => s.attempts.map((a) => a.endedAt?.getTime() ?? now)));
  const span = Math.max(1, latest - start);
  const pct = (t: number) => Math.min(100, Math.max(0, ((t - start) / span) * 100));
  const segment = (kind: TSegment['kind'], status: string, from: number, to: number, title: string): TSegment => ({ kind, status, left: pct(from), width: Math.max(0.3, pct(to) - pct(from)), title });
  const rows = steps.map((step) => {
    const label = labelOf(step.nodeId);
    const segments: TSegment[] = [];
    const ready = step.startedAt?.getTime();
    if (step.origin === 'cached' && ready !== undefined) segments.push(segment('cached', 'succeeded', ready, ready, `${label}: reused from the cache`));
    const first = step.attempts[0];
    if (ready !== undefined && first && first.startedAt.getTime() > ready) segments.push(segment('wait', 'queued', ready, first.startedAt.getTime(), `${label}: waited ${seconds(first.startedAt.getTime() - ready)} for a worker`));
    for (const a of step.attempts) {
      const end = a.endedAt?.getTime() ?? now;
      const who = a.workerIdentity ? ` on ${a.workerIdentity.split(' ')[0]}` : '';
      segments.push(segment('attempt', a.status, a.startedAt.getTime(), end, `${label}, attempt ${a.attempt}: ${a.status}, ${seconds(end - a.startedAt.getTime())}${who}`));
    }
    return { nodeId: step.nodeId, label, status: step.status, segments };
  });
  return { rows, spanMs: span };
}
