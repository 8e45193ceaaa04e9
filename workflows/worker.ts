import os from 'node:os';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { temporalConnectionOptions, temporalNamespace } from '../server/temporal/client';
import { createDatabase } from '../server/db/client';
import { createStepRuntime } from './executors/step-runtime';
import { stepSecretsFromEnv } from './activities/step-secrets';
import { GpuLeases } from './gpu/gpu-leases';
import { detectGpus } from './gpu/inventory';
import { sampleGpus } from './gpu/gpu-sampler';
import { stepPython } from './gpu/step-python';
import { ensureTorchVenv } from '../scripts/lib/venv';
import { startRunReconciler } from '../server/services/runs/reconcile-runs';
import { startPromotionExpiry } from '../server/services/approvals/expire-promotions';
import { startAlertSweep } from '../server/services/monitoring/sweep-alert-dispatch';
import { createControlWorker } from '../server/control/control-worker';
import { createPoolWorker } from './worker-factory';
import { weftDataConverter } from './data-converter';

/**
 * Worker entry: `--role control` runs the interpreter and the control activities (the only
 * process that writes Postgres); `--pool <name>` runs step activities for one pool, and
 * `--pool <name> --kind gpu` for a GPU pool (GPUs from nvidia-smi, or WEFT_GPUS; one step per
 * free GPU), `--slots <n>` to cap how many steps a CPU pool worker runs at once.
 * Env: WEFT_ROLE / WEFT_POOL / WEFT_POOL_KIND / WEFT_POOL_SLOTS as alternatives to the flags;
 * WEFT_PYTHON, or WEFT_TORCH=on on a GPU pool (gpu/step-python.ts), for the steps' Python.
 */
async function main() {
  const { values } = parseArgs({ options: { role: { type: 'string' }, pool: { type: 'string' }, kind: { type: 'string' }, slots: { type: 'string' } } });
  const pool = values.pool ?? process.env.WEFT_POOL;
  const role = values.role ?? process.env.WEFT_ROLE ?? (pool ? 'pool' : undefined);
  const kind = values.kind ?? process.env.WEFT_POOL_KIND ?? 'cpu';
  const slotsText = values.slots ?? process.env.WEFT_POOL_SLOTS;
  const slots = slotsText === undefined ? undefined : Number(slotsText);
  if (slots !== undefined && !(Number.isInteger(slots) && slots >= 1)) throw new Error('--slots must be a whole number of at least 1');
  if ((role !== 'control' && !(role === 'pool' && pool)) || (kind !== 'cpu' && kind !== 'gpu')) {
    throw new Error('Usage: worker --role control | --pool <name> [--kind cpu|gpu] [--slots <steps at once, CPU pools>]');
  }
  // checked before anything connects: a GPU pool worker without a GPU must not start at all
  const gpu = role === 'pool' && kind === 'gpu' ? await gpuInventory(pool!) : undefined;
  const namespace = temporalNamespace();
  const connection = await NativeConnection.connect(temporalConnectionOptions());
  let worker: Worker;
  let stop = () => undefined as void;
  let description: string;
  if (role === 'control') {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('The control worker needs DATABASE_URL');
    const client = new Client({ connection: await Connection.connect(temporalConnectionOptions()), namespace, dataConverter: weftDataConverter });
    const { db } = createDatabase(databaseUrl);
    worker = await createControlWorker({ connection, namespace, db, client });
    const stopReconciler = startRunReconciler({ db, temporal: client });
    const stopExpiry = startPromotionExpiry(db);
    const stopSweep = startAlertSweep({ db, temporal: client });
    stop = () => (stopReconciler(), stopExpiry(), stopSweep());
    description = 'control worker';
  } else {
    const client = new Client({ connection: await Connection.connect(temporalConnectionOptions()), namespace, dataConverter: weftDataConverter });
    const python = stepPython(process.env, kind);
    if ('note' in python && python.note) console.log(`[weft] pool "${pool}": ${python.note}`);
    const runtime = await createStepRuntime('torchVenv' in python ? await ensureTorchVenv() : python.python);
    console.log(`[weft] pool "${pool}": ${runtime.description}`);
    stop = () => runtime.close();
    // the identity carries the GPUs: the Pools page reads it from Temporal's list of pollers
    const identity = `${pool}@${os.hostname()}:${process.pid}${gpu ? ` gpus=${gpu.leases.devices.join(',')}` : ''}`;
    const secrets = stepSecretsFromEnv();
    if (!secrets) console.log(`[weft] pool "${pool}": WEFT_WEB_URL or WEFT_WORKER_TOKEN not set: steps that get secrets fail here`);
    worker = await createPoolWorker({ connection, namespace, pool: pool!, client, runtime, identity, gpus: gpu?.leases, sampleGpus: gpu?.sample, slots, secrets });
    description = `pool worker "${pool}"${gpu ? ` with GPUs ${gpu.leases.devices.join(',')} (${gpu.source})` : ''}`;
  }
  console.log(`[weft] ${description} polling (namespace ${namespace})`);
  await worker.run().finally(stop);
}

/** A GPU pool's worker must have a GPU: better to refuse to start than to take steps it cannot run. */
async function gpuInventory(pool: string) {
  const { gpus, source } = await detectGpus();
  if (gpus.length === 0) {
    throw new Error(`Pool "${pool}" is a GPU pool, but this machine has no GPU (nvidia-smi lists none). Start it on a GPU machine, or set WEFT_GPUS=0,1,... to declare GPUs.`);
  }
  return { leases: new GpuLeases(gpus.map((g) => g.index)), source, sample: source === 'nvidia-smi' ? sampleGpus : undefined };
}

main().catch((error) => {
  console.error('[weft] worker failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
