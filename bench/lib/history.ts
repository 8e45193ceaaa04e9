// Reads activity timings out of a workflow's Temporal history: what the server saw, the same way
// for Weft's interpreter and the hand-written workflows.
import type { WorkflowHandle } from '@temporalio/client';
import { tsToMs } from '@temporalio/common';

export type TActivityTiming = {
  scheduledEventId: number;
  type: string;
  taskQueue: string;
  /** the workflow task whose commands scheduled it */
  byWorkflowTask: number;
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
  /** workflow tasks that timed out or failed (each one costs a retry, a timeout one up to 10 s) */
  workflowTaskProblems: number;
  workflowTaskProblemKinds: string[];
};

/** temporal.api.enums.v1.WorkflowTaskFailedCause, the ones worth naming here */
const FAILED_CAUSES: Record<number, string> = {
  1: 'UNHANDLED_COMMAND',
  13: 'RESET_STICKY_TASK_QUEUE',
  14: 'WORKFLOW_WORKER_UNHANDLED_FAILURE',
  17: 'FORCE_CLOSE_COMMAND',
  24: 'NON_DETERMINISTIC_ERROR',
  27: 'PENDING_ACTIVITIES_LIMIT_EXCEEDED',
};
const failedCause = (cause: number | null | undefined) => (cause ? (FAILED_CAUSES[cause] ?? `cause ${cause}`) : 'cause ?');

type TLongish = number | { toNumber(): number } | null | undefined;
const num = (v: TLongish): number => (typeof v === 'number' ? v : v ? v.toNumber() : 0);
const ms = (t: Parameters<typeof tsToMs>[0] | null | undefined): number => (t ? tsToMs(t) : Number.NaN);

export async function activityTimeline(handle: WorkflowHandle): Promise<TTimeline> {
  const history = await handle.fetchHistory();
  const events = history.events ?? [];
  const byScheduled = new Map<number, TActivityTiming>();
  let workflowTasks = 0;
  let workflowTaskProblems = 0;
  const problemKinds = new Set<string>();
  for (const e of events) {
    const at = ms(e.eventTime);
    if (e.workflowTaskCompletedEventAttributes) workflowTasks++;
    if (e.workflowTaskTimedOutEventAttributes || e.workflowTaskFailedEventAttributes) {
      workflowTaskProblems++;
      const timeout = e.workflowTaskTimedOutEventAttributes?.timeoutType;
      problemKinds.add(timeout === 1 ? 'start-to-close timeout' : timeout === 2 ? 'schedule-to-start timeout (sticky queue)' : timeout ? `timeout type ${timeout}` : `failed (${failedCause(e.workflowTaskFailedEventAttributes?.cause)}${e.workflowTaskFailedEventAttributes?.failure?.message ? `: ${e.workflowTaskFailedEventAttributes.failure.message.slice(0, 80)}` : ''})`);
    }
    const scheduled = e.activityTaskScheduledEventAttributes;
    if (scheduled) {
      byScheduled.set(num(e.eventId), {
        scheduledEventId: num(e.eventId),
        type: scheduled.activityType?.name ?? '',
        taskQueue: scheduled.taskQueue?.name ?? '',
        byWorkflowTask: num(scheduled.workflowTaskCompletedEventId),
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
    workflowTaskProblems,
    workflowTaskProblemKinds: [...problemKinds],
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

export type TRunPhases = {
  /** workflow started → first step scheduled */
  beforeSteps: number;
  /** first step scheduled → last step completed */
  steps: number;
  /** last step completed → workflow closed */
  afterSteps: number;
  /** workflow started → closed */
  total: number;
};

export function runPhases(t: TTimeline, isStep: (a: TActivityTiming) => boolean): TRunPhases | undefined {
  const steps = t.activities.filter(isStep);
  if (steps.length === 0) return undefined;
  const firstScheduled = Math.min(...steps.map((a) => a.scheduledAt));
  const lastClosed = Math.max(...steps.map((a) => a.closedAt ?? Number.NaN));
  return { beforeSteps: firstScheduled - t.firstAt, steps: lastClosed - firstScheduled, afterSteps: t.lastAt - lastClosed, total: t.lastAt - t.firstAt };
}

/** Where a run's time went (for a fan-out): before the first step, the steps, after the last one. */
export function phasesOf(t: TTimeline, isStep: (a: TActivityTiming) => boolean): string {
  const steps = t.activities.filter(isStep);
  const p = runPhases(t, isStep);
  if (!p) return `${t.events} history events, no steps`;
  const firstScheduled = Math.min(...steps.map((a) => a.scheduledAt));
  const lastScheduled = Math.max(...steps.map((a) => a.scheduledAt));
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return (
    `start → first step scheduled ${s(p.beforeSteps)}, all ${steps.length} scheduled within ${s(lastScheduled - firstScheduled)} ` +
    `by ${new Set(steps.map((a) => a.byWorkflowTask)).size} workflow tasks, ` +
    `first scheduled → last completed ${s(p.steps)}, last completed → close ${s(p.afterSteps)}; ` +
    `${t.events} history events, ${t.workflowTasks} workflow tasks (${t.workflowTaskProblems} timed out or failed${t.workflowTaskProblemKinds.length ? `: ${t.workflowTaskProblemKinds.join(', ')}` : ''}), ${t.activities.length - steps.length} other activities`
  );
}
