import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { createPoolActivities } from './activities/pool';
import { createArtifactStore } from './artifacts/store';
import type { TStepSecretsSource } from './activities/step-secrets';
import type { TStepRuntime } from './executors/step-runtime';
import type { GpuLeases } from './gpu/gpu-leases';
import { gpuSlotSupplier } from './gpu/gpu-slot-supplier';
import { poolTaskQueue } from './dsl/task-queues';
import { weftDataConverter } from './data-converter';

/** The workflow bundle's entry: every workflow type a control worker serves. */
export const workflowsPath = fileURLToPath(new URL('./definitions/index.ts', import.meta.url));
/** the interpreter's hook at the end of each activation (its live records leave there); the replay test uses it too */
export const controlWorkflowInterceptors = { workflowModules: [fileURLToPath(new URL('./definitions/activation-end.ts', import.meta.url))] };

/**
 * A pool worker: step activities for one pool's task queue; no database. The caller owns the step
 * runtime (createStepRuntime) and closes it after the worker stops.
 */
export async function createPoolWorker(opts: {
  connection: NativeConnection;
  namespace: string;
  pool: string;
  client: Client;
  runtime: TStepRuntime;
  /** a GPU pool's worker: its activity slots follow its free GPUs */
  gpus?: GpuLeases;
  sampleGpus?: (devices: readonly string[]) => Promise<string | undefined>;
  /** CPU pools: steps at once (default 100) */
  slots?: number;
  identity: string;
  /** where step secrets come from (web's internal endpoint); absent: steps that get secrets fail with a message saying so */
  secrets?: TStepSecretsSource;
}) {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: poolTaskQueue(opts.pool),
    identity: opts.identity,
    dataConverter: weftDataConverter,
    activities: createPoolActivities({
      client: opts.client,
      store: createArtifactStore(),
      runtime: opts.runtime,
      gpus: opts.gpus,
      sampleGpus: opts.sampleGpus,
      workerIdentity: opts.identity,
      secrets: opts.secrets,
    }),
    ...(opts.gpus
      ? {
          tuner: {
            activityTaskSlotSupplier: gpuSlotSupplier(opts.gpus),
            // a pool worker runs no workflows, local activities or Nexus tasks
            workflowTaskSlotSupplier: { type: 'fixed-size', numSlots: 1 },
            localActivityTaskSlotSupplier: { type: 'fixed-size', numSlots: 1 },
            nexusTaskSlotSupplier: { type: 'fixed-size', numSlots: 1 },
          },
        }
      : { maxConcurrentActivityTaskExecutions: opts.slots ?? 100 }),
  });
}
