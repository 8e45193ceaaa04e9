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

export type TTimeline = { events: number; activities: TActivityTiming[] };

type TLongish = number | { toNumber(): number } | null | undefined;
const num = (v: TLongish): number => (typeof v === 'number' ? v : v ? v.toNumber() : 0);
const ms = (t: Parameters<typeof tsToMs>[0] | null | undefined): number => (t ? tsToMs(t) : Number.NaN);

export async function activityTimeline(handle: WorkflowHandle): Promise<TTimeline> {
  const history = await handle.fetchHistory();
  const events = history.events ?? [];
  const byScheduled = new Map<number, TActivityTiming>();
  for (const e of events) {
    const at = ms(e.eventTime);
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
  return { events: events.length, activities: [...byScheduled.values()].sort((a, b) => a.scheduledEventId - b.scheduledEventId) };
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
};

/** Timings of the step activities (picked by `isStep`) of a chain, in order. */
export function stepTimings(t: TTimeline, isStep: (a: TActivityTiming) => boolean): TStepTimings {
  const steps = t.activities.filter(isStep);
  const out: TStepTimings = { gaps: [], dispatch: [], exec: [], steps: steps.length, otherActivities: t.activities.length - steps.length, events: t.events };
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
  };
}
