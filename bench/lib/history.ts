// Reads activity timings out of a workflow's Temporal history: what the server saw, the same way
// for Weft's interpreter and the hand-written workflows.
import type { WorkflowHandle } from '@temporalio/client';
import { tsToMs } from '@temporalio/common';

export type TActivityTiming = {
  scheduledEventId: number;
  type: string;
  taskQueue: string;
  scheduledAt: number;
  startedAt?: number;
  closedAt?: number;
};

export type TTimeline = {
  events: number;
  activities: TActivityTiming[];
  /** time of the first and the last event (the close, for a finished workflow) */
  firstAt: number;
  lastAt: number;
  workflowTasks: number;
};

type TLongish = number | { toNumber(): number } | null | undefined;
const num = (v: TLongish): number => (typeof v === 'number' ? v : v ? v.toNumber() : 0);
const ms = (t: Parameters<typeof tsToMs>[0] | null | undefined): number => (t ? tsToMs(t) : Number.NaN);

export async function activityTimeline(handle: WorkflowHandle): Promise<TTimeline> {
  const history = await handle.fetchHistory();
  const events = history.events ?? [];
  const byScheduled = new Map<number, TActivityTiming>();
  let workflowTasks = 0;
  for (const e of events) {
    const at = ms(e.eventTime);
    if (e.workflowTaskCompletedEventAttributes) workflowTasks++;
    const scheduled = e.activityTaskScheduledEventAttributes;
    if (scheduled) {
      byScheduled.set(num(e.eventId), {
        scheduledEventId: num(e.eventId),
        type: scheduled.activityType?.name ?? '',
        taskQueue: scheduled.taskQueue?.name ?? '',
        scheduledAt: at,
      });
      continue;
    }
    // A started event is written when the attempt ends, with the time the worker really got it.
    const started = e.activityTaskStartedEventAttributes;
    if (started) {
      const a = byScheduled.get(num(started.scheduledEventId));
      if (a) a.startedAt = at;
      continue;
    }
    const closed =
      e.activityTaskCompletedEventAttributes ??
      e.activityTaskFailedEventAttributes ??
      e.activityTaskTimedOutEventAttributes ??
      e.activityTaskCanceledEventAttributes;
    if (closed) {
      const a = byScheduled.get(num(closed.scheduledEventId));
      if (a) a.closedAt = at;
    }
  }
  return {
    events: events.length,
    activities: [...byScheduled.values()].sort((a, b) => a.scheduledEventId - b.scheduledEventId),
    firstAt: ms(events[0]?.eventTime),
    lastAt: ms(events.at(-1)?.eventTime),
    workflowTasks,
  };
}

export type TStepTimings = {
  /** end of a step → start of the next one (server times: completed → next started) */
  gaps: number[];
  /** scheduled → started (waiting for a worker to take it) */
  dispatch: number[];
  /** started → completed (the activity itself, incl. whatever it does around the step) */
  exec: number[];
  steps: number;
  /** activities that are not steps (Weft's control activities) */
  otherActivities: number;
  events: number;
  workflowTasks: number;
};

/** Timings of the step activities (picked by `isStep`) of a chain, in order. */
export function stepTimings(t: TTimeline, isStep: (a: TActivityTiming) => boolean): TStepTimings {
  const steps = t.activities.filter(isStep);
  const out: TStepTimings = { gaps: [], dispatch: [], exec: [], steps: steps.length, otherActivities: t.activities.length - steps.length, events: t.events, workflowTasks: t.workflowTasks };
  steps.forEach((a, i) => {
    if (a.startedAt !== undefined) out.dispatch.push(a.startedAt - a.scheduledAt);
    if (a.startedAt !== undefined && a.closedAt !== undefined) out.exec.push(a.closedAt - a.startedAt);
    const next = steps[i + 1];
    if (next?.startedAt !== undefined && a.closedAt !== undefined) out.gaps.push(next.startedAt - a.closedAt);
  });
  return out;
}

export function mergeTimings(list: TStepTimings[]): TStepTimings {
  return {
    gaps: list.flatMap((t) => t.gaps),
    dispatch: list.flatMap((t) => t.dispatch),
    exec: list.flatMap((t) => t.exec),
    steps: list.reduce((a, t) => a + t.steps, 0),
    otherActivities: list.reduce((a, t) => a + t.otherActivities, 0),
    events: list.reduce((a, t) => a + t.events, 0),
    workflowTasks: list.reduce((a, t) => a + t.workflowTasks, 0),
  };
}

/** Where a run's time went (for a fan-out): before the first step, the steps, after the last one. */
export function phasesOf(t: TTimeline, isStep: (a: TActivityTiming) => boolean): string {
  const steps = t.activities.filter(isStep);
  if (steps.length === 0) return `${t.events} history events, no steps`;
  const firstScheduled = Math.min(...steps.map((a) => a.scheduledAt));
  const lastScheduled = Math.max(...steps.map((a) => a.scheduledAt));
  const lastClosed = Math.max(...steps.map((a) => a.closedAt ?? Number.NaN));
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return (
    `start → first step scheduled ${s(firstScheduled - t.firstAt)}, all ${steps.length} scheduled within ${s(lastScheduled - firstScheduled)}, ` +
    `first scheduled → last completed ${s(lastClosed - firstScheduled)}, last completed → close ${s(t.lastAt - lastClosed)}; ` +
    `${t.events} history events, ${t.workflowTasks} workflow tasks, ${t.activities.length - steps.length} other activities`
  );
}
