import type { Client } from '@temporalio/client';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { weftDataConverter } from '../../workflows/data-converter';
import { CONTROL_TASK_QUEUE } from '../../workflows/dsl/task-queues';
import { controlBundlerOptions, controlWorkflowInterceptors, workflowsPath } from '../../workflows/worker-factory';
import type { TDatabase } from '../db/client';
import { alertDispatchRetry, startAlertDispatch } from '../services/monitoring/start-alert-dispatch';
import { createControlActivities } from './control-activities';
import { createRecordWriter, recordSinks } from './record-writer';

/**
 * The control worker: pipeline interpreter + control (DB) activities. Used by workflows/worker.ts, tests
 * and the bench; the caller owns the database pool (and closes it).
 */
export async function createControlWorker(opts: { connection: NativeConnection; namespace: string; db: TDatabase; client: Client }) {
  // a bad WEFT_ALERT_DISPATCH_* setting stops the worker's start, not every alert's dispatch later
  alertDispatchRetry();
  // a fired alert's dispatch is a workflow; one not started now stays pending in Postgres for the sweep
  const records = createRecordWriter(opts.db, undefined, async (alertIds) => {
    const notStarted = await startAlertDispatch(opts.client, alertIds);
    if (notStarted.length > 0) throw new Error('Temporal did not take their dispatch; the sweep tries again');
  });
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: CONTROL_TASK_QUEUE,
    workflowsPath,
    dataConverter: weftDataConverter,
    activities: createControlActivities({ db: opts.db, client: opts.client, records }),
    sinks: recordSinks(records),
    interceptors: controlWorkflowInterceptors,
    bundlerOptions: controlBundlerOptions,
  });
}

