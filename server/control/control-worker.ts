import type { Client } from '@temporalio/client';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { weftDataConverter } from '../../workflows/data-converter';
import { CONTROL_TASK_QUEUE } from '../../workflows/dsl/task-queues';
import { controlWorkflowInterceptors, workflowsPath } from '../../workflows/worker-factory';
import type { TDatabase } from '../db/client';
import { dispatchAlert } from '../services/monitoring/dispatch-alert';
import { createControlActivities } from './control-activities';
import { createRecordWriter, recordSinks } from './record-writer';

/**
 * The control worker: pipeline interpreter + control (DB) activities. Used by workflows/worker.ts, tests
 * and the bench; the caller owns the database pool (and closes it).
 */
export async function createControlWorker(opts: { connection: NativeConnection; namespace: string; db: TDatabase; client: Client }) {
  const deps = { db: opts.db, temporal: opts.client };
  const records = createRecordWriter(opts.db, undefined, async (alertIds) => {
    for (const id of alertIds) await dispatchAlert(deps, id);
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
  });
}

