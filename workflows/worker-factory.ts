import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import webpack from 'webpack';
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

type TWebpackHook = NonNullable<NonNullable<WorkerOptions['bundlerOptions']>['webpackConfigHook']>;
type TWebpackRule = NonNullable<NonNullable<Parameters<TWebpackHook>[0]['module']>['rules']>[number];

/** Our TypeScript compiled for the Node it runs on (see controlBundlerOptions). */
const toNodeTarget = (rule: TWebpackRule): TWebpackRule => {
  const use = rule && typeof rule === 'object' ? rule.use : undefined;
  if (!use || typeof use !== 'object' || Array.isArray(use) || !String(use.loader).includes('swc-loader') || typeof use.options !== 'object') return rule;
  const options = use.options as { jsc?: Record<string, unknown> };
  return { ...(rule as object), use: { ...use, options: { ...options, jsc: { ...options.jsc, target: 'es2022' } } } };
};

/**
 * Without stack traces in the interpreter's sandbox, unless WEFT_WORKFLOW_STACK_TRACES=1: the SDK
 * captures and source-maps a stack for every promise a workflow makes (for the stack trace query
 * of Temporal's UI), ~6 ms of the workflow thread's CPU per 10-step run (measured, of ~35). A run's
 * failures keep their messages; only the interpreter's own frames are left out. Set before the
 * SDK freezes the sandbox's globals, so as a banner of the bundle.
 */
const withoutStackTraces = () =>
  process.env.WEFT_WORKFLOW_STACK_TRACES === '1' ? [] : [new webpack.BannerPlugin({ banner: 'Error.stackTraceLimit = 0;', raw: true, entryOnly: true })];

/**
 * The interpreter's bundle, as the control worker and the replay test build it: the SDK compiles
 * workflow TypeScript for ES2017, which turns every object spread into helper calls
 * (`_object_spread`, `_define_property`: with the garbage they make, ~8 % of the workflow thread's
 * time per run, measured); Node 20 runs ES2022 natively. Stack traces: see withoutStackTraces.
 */
export const controlBundlerOptions: WorkerOptions['bundlerOptions'] = {
  webpackConfigHook: (config) => ({
    ...config,
    plugins: [...(config.plugins ?? []), ...withoutStackTraces()],
    module: { ...config.module, rules: config.module?.rules?.map(toNodeTarget) },
  }),
};

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
