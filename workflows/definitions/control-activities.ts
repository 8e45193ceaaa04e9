import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { createControlActivities } from '../activities/control';
import { CONTROL_TASK_QUEUE } from '../dsl';

type TControl = ReturnType<typeof createControlActivities>;

/** Control records are small, idempotent DB writes: retry them for as long as Postgres is away. */
export const control = proxyActivities<TControl>({
  taskQueue: CONTROL_TASK_QUEUE,
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '10s' },
});

/**
 * Reads on the critical path (the cache lookup) run as local activities: the interpreter runs on
 * the control worker, which holds the database, so a lookup costs no round trip through Temporal.
 */
export const controlLocal = proxyLocalActivities<TControl>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '10s' },
});
