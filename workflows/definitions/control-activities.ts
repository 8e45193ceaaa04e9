import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { TControlActivities } from '../contract/activities';
import { CONTROL_TASK_QUEUE } from '../dsl/task-queues';

/** Control records are small, idempotent DB writes: retry them for as long as Postgres is away. */
export const control = proxyActivities<TControlActivities>({
  taskQueue: CONTROL_TASK_QUEUE,
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '10s' },
});

/**
 * Short reads and writes at the edges of the critical path (begin a run web did not prepare,
 * drain its records at the end, look up the cache) run as local activities: the interpreter runs
 * on the control worker, which holds the database, so they cost a marker event instead of an
 * activity round trip. Run records in between go through the run-records sink: a local
 * activity holds the workflow task open, which would delay the next step (measured).
 */
export const controlLocal = proxyLocalActivities<TControlActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '10s' },
});
