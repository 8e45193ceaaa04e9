import { chown, mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationFailure, CancelledFailure, Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { ArtifactStore } from '../artifacts/store';
import { collectOutputs, handOverInputs, planInputs, readStepEvents, StepOutputsError } from '../artifacts/step-io';
import type { TPoolActivities, TRunStepInput, TRunStepResult } from '../contract/activities';
import { stepAttemptSignal } from '../contract/run-workflow';
import { logText, type TStepAttemptEvent } from '../dsl';
import { executeStep } from '../executors';
import { failureSummary } from '../executors/failure-summary';
import { LogBuffer } from '../executors/log-buffer';
import { SecretMask } from '../executors/secret-mask';
import type { TStepRuntime } from '../executors/step-runtime';
import { NotEnoughGpusError, type GpuLeases, type TGpuLease } from '../gpu/gpu-leases';
import { GPU_SAMPLE_MS } from '../gpu/gpu-sampler';
import type { TStepIdentity } from '../sandbox/step-identities';
import type { TStepSecretsSource } from './step-secrets';
import { handOverStoreReads, StoreReadError } from './store-reads';

export type TPoolDeps = {
  client: Client;
  store: ArtifactStore;
  /** how step processes run: sandbox, interpreter, warm python, scratch space */
  runtime: TStepRuntime;
  /** GPU workers: their GPUs, leased to steps */
  gpus?: GpuLeases;
  /** where real GPUs exist: utilisation lines for a running step's log */
  sampleGpus?: (devices: readonly string[]) => Promise<string | undefined>;
  workerIdentity: string;
  /** where the values of a step's secrets come from (web); absent: this worker runs no step that gets any */
  secrets?: TStepSecretsSource;
};

const HEARTBEAT_MS = 1_000;
const LIVE_LOG_CHARS = 16 * 1024;
/** An attempt running longer than this tells the run it started; quicker ones report with their result. */
const REPORT_START_AFTER_MS = 250;

/** Step activities served by a pool worker. They hold no database credentials (ARCHITECTURE.md). */
export function createPoolActivities(deps: TPoolDeps): TPoolActivities {
  const { runtime } = deps;
  return {
    async runStep(input: TRunStepInput): Promise<TRunStepResult> {
      const ctx = Context.current();
      const { attempt, workflowExecution } = ctx.info;
      if (!workflowExecution) throw ApplicationFailure.nonRetryable('runStep must be called from a pipeline run', 'NoWorkflow');
      const workflow = deps.client.workflow.getHandle(workflowExecution.workflowId);
      const startedAt = new Date().toISOString();
      let lease: TGpuLease | undefined;
      let sampler: NodeJS.Timeout | undefined;
      let failureReported = false;
      const gpuSeconds = () => (lease ? (lease.devices.length * (Date.now() - lease.acquiredAt)) / 1000 : undefined);
      const report = (event: Pick<TStepAttemptEvent, 'phase' | 'outcome'>) =>
        signalQuietly(() =>
          workflow.signal(stepAttemptSignal, {
            nodeId: input.step.nodeId,
            attempt,
            maxAttempts: input.step.maxAttempts,
            workerIdentity: deps.workerIdentity,
            startedAt,
            at: event.phase === 'started' ? startedAt : new Date().toISOString(),
            ...(lease ? { gpuDevices: lease.devices } : {}),
            ...event,
          }),
        );
      // a retry shows at once; a first attempt only once it has run a moment (no message for quick steps)
      // (for-each items report nothing: they are summed up by their for-each step)
      const startReport = input.item ? undefined : setTimeout(() => void report({ phase: 'started' }), attempt > 1 ? 0 : REPORT_START_AFTER_MS);

      // for-each items run side by side: each needs a scratch directory of its own
      const stepDir = input.item ? `${input.step.nodeId}.item-${input.item.index}` : input.step.nodeId;
      const workDir = path.join(runtime.scratchRoot, input.runId, stepDir, String(attempt));
      const log = new LogBuffer();
      let mask: SecretMask | undefined;
      let identity: TStepIdentity | undefined;
      let released = false;
      // (before outputs are read: nothing of the step may still be running to swap them)
      const release = async () => {
        if (released) return;
        released = true;
        await runtime.sandbox.release(identity);
      };
      const heartbeat = setInterval(() => ctx.heartbeat({ logTail: log.tail(LIVE_LOG_CHARS) }), HEARTBEAT_MS);
      try {
        // (heartbeating already: a step waiting for GPUs is not taken for lost)
        if (deps.gpus) lease = await leaseGpus(deps.gpus, input.step.gpus ?? 0, ctx.cancellationSignal);
        if (lease?.devices.length && deps.sampleGpus) {
          const sample = deps.sampleGpus;
          const devices = lease.devices;
          sampler = setInterval(() => void sample(devices).then((line) => line && log.append(line)), GPU_SAMPLE_MS);
        }
        const secrets = await stepSecrets(deps.secrets, input, attempt);
        const needsDir = input.step.executor !== 'noop';
        const tracking = !needsDir ? undefined : input.test ? testTracking(workDir) : runtime.tracking?.({ runId: input.runId, nodeId: input.step.nodeId, attempt, item: input.item?.index }, ctx.info.startToCloseTimeoutMs);
        const hidden = [...Object.values(secrets ?? {}), ...(tracking?.MLFLOW_TRACKING_TOKEN ? [tracking.MLFLOW_TRACKING_TOKEN] : [])];
        if (hidden.length) log.hide((mask = new SecretMask(hidden)));
        const env: Record<string, string> = {
          ...tracking,
          ...secrets,
          WEFT_RUN_ID: input.runId,
          WEFT_NODE_ID: input.step.nodeId,
          WEFT_ATTEMPT: String(attempt),
          // exactly the GPUs the step was given: none unless it leased some
          CUDA_VISIBLE_DEVICES: lease?.devices.join(',') ?? '',
          ...itemEnv(input.item),
        };
        const files = { input: path.join(workDir, 'weft_input.json'), outputs: path.join(workDir, 'outputs'), events: path.join(workDir, 'weft_events.jsonl') };
        let readOnly = runtime.mounts;
        let read: TRunStepResult['read'];
        if (needsDir) {
          identity = runtime.sandbox.take();
          await makeScratch(workDir, files.outputs, identity);
          // data arrives as files from the artifact store, never through Temporal payloads
          const inputs = planInputs(input.inputs, path.join(workDir, 'inputs'));
          readOnly = [...readOnly, ...(await handOverInputs(deps.store, inputs.files, { mount: runtime.sandbox.mountsInputs }))];
          const stored = await handOverStoreReads(deps.store, input.step, input.params, path.join(workDir, 'artifacts'), { mount: runtime.sandbox.mountsInputs });
          readOnly = [...readOnly, ...stored.mounts];
          read = stored.read;
          await writeFile(files.input, JSON.stringify({ params: input.params, config: input.step.config, inputs: inputs.paths, artifacts: stored.paths, item: input.item?.value ?? null }));
          Object.assign(env, { WEFT_INPUT: files.input, WEFT_OUTPUT_DIR: files.outputs, WEFT_EVENTS: files.events });
        }
        const result = await executeStep(input.step, {
          workDir,
          python: runtime.python,
          pythonServer: runtime.pythonServer,
          sandbox: runtime.sandbox,
          view: { cwd: workDir, workDir, readOnly },
          identity,
          env,
          signal: ctx.cancellationSignal,
          onOutput: (chunk) => log.append(chunk),
        });
        await release();
        if (ctx.cancellationSignal.aborted) throw new CancelledFailure('Step cancelled; its processes were killed');
        if (result.exitCode !== 0) {
          // one line that says why (a python exception and the step's own line), masked as the log is
          const summary = failureSummary(logText(log.toString()), result, { library: input.step.executor === 'python_library' });
          const error = mask ? mask.redact(summary) : summary;
          if (startReport) clearTimeout(startReport);
          if (!input.item) await report({ phase: 'finished', outcome: { status: 'failed', exitCode: result.exitCode, error, log: log.toString(), gpuSeconds: gpuSeconds() } });
          failureReported = true;
          throw ApplicationFailure.retryable(error, 'StepFailed', { exitCode: result.exitCode });
        }
        if (startReport) clearTimeout(startReport);
        const outputs = needsDir ? await stepOutputs(deps.store, files) : { artifacts: {}, metrics: {} };
        return {
          outputs,
          ...(read ? { read } : {}),
          attempt: {
            attempt,
            workerIdentity: deps.workerIdentity,
            startedAt,
            endedAt: new Date().toISOString(),
            exitCode: 0,
            log: log.toString(),
            ...(lease ? { gpuDevices: lease.devices, gpuSeconds: gpuSeconds() } : {}),
          },
        };
      } catch (caught) {
        if (startReport) clearTimeout(startReport);
        // a missing or malformed artifact named by hash stays so: no retry
        const error = caught instanceof StoreReadError ? ApplicationFailure.nonRetryable(caught.message, 'StoreReadFailed') : caught;
        if (!input.item && !failureReported && !(error instanceof CancelledFailure)) {
          const text = error instanceof Error ? error.message : String(error);
          const message = mask ? mask.redact(text) : text;
          await report({ phase: 'finished', outcome: { status: 'failed', exitCode: null, error: message, log: log.toString(), gpuSeconds: gpuSeconds() } });
        }
        throw masked(error, mask);
      } finally {
        if (sampler) clearInterval(sampler);
        lease?.release(); // whatever the ending: success, failure, cancel, timeout or shutdown
        clearInterval(heartbeat);
        await release();
        if (input.step.executor !== 'noop') await removeScratch(workDir);
      }
    },
  };
}

/** The step's secrets when its node gets any, asked for at every attempt (a value changed meanwhile counts). */
async function stepSecrets(source: TStepSecretsSource | undefined, input: TRunStepInput, attempt: number): Promise<Record<string, string> | undefined> {
  if (!input.step.secrets?.length) return undefined;
  if (!source) {
    const message = `Step "${input.step.nodeId}" gets secrets, but this pool worker cannot fetch them: start it with WEFT_WEB_URL and WEFT_WORKER_TOKEN`;
    throw ApplicationFailure.retryable(message, 'StepSecretsUnavailable');
  }
  return source({ runId: input.runId, nodeId: input.step.nodeId, attempt });
}

/** An error of the step's making may quote what it printed or named: masked before Temporal records it. */
function masked(error: unknown, mask: SecretMask | undefined): unknown {
  if (!mask || !(error instanceof Error)) return error;
  error.message = mask.redact(error.message);
  if (error.stack) error.stack = mask.redact(error.stack);
  return error;
}

/** A step that asks for more GPUs than this worker has can never run here: say so at once. */
async function leaseGpus(gpus: GpuLeases, count: number, signal: AbortSignal): Promise<TGpuLease> {
  try {
    return await gpus.acquire(count, signal);
  } catch (error) {
    if (error instanceof NotEnoughGpusError) throw ApplicationFailure.nonRetryable(error.message, 'NotEnoughGpus');
    if (signal.aborted) throw new CancelledFailure('Step cancelled while waiting for GPUs');
    throw error;
  }
}

/**
 * The attempt's scratch directory, 0700 and owned by the step's uid when it has one; the
 * directories above it are 0711, so a step's uid can reach its own but not list the others.
 */
async function makeScratch(workDir: string, outputs: string, identity: TStepIdentity | undefined): Promise<void> {
  await mkdir(path.dirname(workDir), { recursive: true, mode: 0o711 });
  await mkdir(workDir, { mode: 0o700 });
  await mkdir(outputs);
  if (identity) for (const dir of [workDir, outputs]) await chown(dir, identity.uid, identity.gid);
}

/** Removes the attempt's scratch directory, then its node and run directories once they are empty. */
async function removeScratch(workDir: string): Promise<void> {
  await rm(workDir, { recursive: true, force: true });
  for (const dir of [path.dirname(workDir), path.dirname(path.dirname(workDir))]) {
    if (!(await rmdir(dir).then(() => true, () => false))) break; // not empty (another attempt or step) or gone
  }
}

/** The files a step wrote become artifacts; its metric events become the step's metrics. */
async function stepOutputs(store: ArtifactStore, files: { outputs: string; events: string }) {
  try {
    const [artifacts, events] = await Promise.all([collectOutputs(store, files.outputs), readStepEvents(files.events)]);
    return { artifacts, metrics: events.metrics };
  } catch (error) {
    // a bad output name or a directory in the outputs is the step's fault: retrying cannot fix it
    if (error instanceof StepOutputsError) throw ApplicationFailure.nonRetryable(error.message, 'InvalidStepOutputs');
    throw error;
  }
}

/** A for-each item as the step sees it: strings and numbers as they are (handy in shell), the rest as JSON. */
function itemEnv(item: TRunStepInput['item']): Record<string, string> {
  if (!item) return {};
  const value = typeof item.value === 'string' || typeof item.value === 'number' ? String(item.value) : JSON.stringify(item.value);
  return { WEFT_ITEM: value, WEFT_ITEM_INDEX: String(item.index) };
}

/**
 * Attempt reports make the UI live; a lost one must not fail the step itself (the step's final
 * status still reaches the workflow as the activity result), so retry briefly, then give up.
 */
async function signalQuietly(send: () => Promise<void>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    try {
      return await send();
    } catch (error) {
      if (i === 4) console.warn('[weft] could not report a step attempt:', (error as Error).message);
      else await new Promise((r) => setTimeout(r, 200 * 2 ** i));
    }
  }
}

/**
 * A step tested alone is no run: there is no tracking run for it in Weft. Its `mlflow` calls
 * (autolog, log_model with registered_model_name included) go to a file store in its scratch
 * directory, deleted with it, so that code written for a run works unchanged in a test.
 */
function testTracking(workDir: string): Record<string, string> {
  return { MLFLOW_TRACKING_URI: `file://${path.join(workDir, 'mlruns')}`, MLFLOW_ALLOW_FILE_STORE: 'true' };
}
