import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger, type Worker } from '@temporalio/worker';
import { createDatabase as createPgDatabase } from '../../scripts/lib/postgres';
import { stepSecretsFromWeb } from '../../workflows/activities/step-secrets';
import { createStepRuntime } from '../../workflows/executors/step-runtime';
import { createPoolWorker } from '../../workflows/worker-factory';
import { createControlWorker } from '../control/control-worker';
import { createDatabase, type TDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { createCaller } from '../trpc/root';
import { seedMembers, type TTestMembers } from './fixtures';
import { startMlflowServer } from './mlflow-server';
import { startStepSecretsServer } from './step-secrets-server';
import { startWorkerProcess, type TWorkerProcess } from './worker-process';
import { weftDataConverter } from '../../workflows/data-converter';

let runtimeInstalled = false;

export type THarness = {
  db: TDatabase;
  temporal: Client;
  projectId: string;
  /** the project's team */
  teamId: string;
  members: TTestMembers;
  /** web's internal step-secrets endpoint on this database (pool workers fetch step secrets there) and its pool worker token */
  webUrl: string;
  /** web's MLflow API on this database (MLFLOW_TRACKING_URI), where steps log */
  trackingUri: string;
  workerToken: string;
  /** the tRPC API as a given user would call it (the same middleware and services as over HTTP) */
  as: (who: keyof TTestMembers) => ReturnType<typeof createCaller>;
  /** starts the `cpu` pool worker (for a harness started without one) */
  addPoolWorker: () => Promise<void>;
  /** a pool worker as its own OS process (`workflows/worker.ts <args>`) on this namespace, without database credentials */
  startWorker: (name: string, args: string[], env?: Record<string, string>) => Promise<TWorkerProcess>;
  stop: () => Promise<void>;
};

/**
 * A real Postgres database of its own and a Temporal namespace per vitest worker, plus an
 * in-process control worker and `cpu` pool worker: test files run in parallel without sharing
 * state. Needs DATABASE_URL and TEMPORAL_ADDRESS (started by `npm test`).
 */
export async function startHarness(opts: { poolWorker?: boolean } = {}): Promise<THarness> {
  const adminUrl = required('DATABASE_URL');
  const address = required('TEMPORAL_ADDRESS');
  const namespace = `weft-test-${process.env.VITEST_POOL_ID ?? '1'}`;
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    runtimeInstalled = true;
  }

  const url = await createPgDatabase(adminUrl, `weft_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`);
  const { db, pool } = createDatabase(url);
  await runMigrations(db);
  const { projectId, teamId, members } = await seedMembers(db);

  const temporal = new Client({ connection: await Connection.connect({ address }), namespace, dataConverter: weftDataConverter });
  // web's side of step secrets (WEFT_SECRETS_KEY comes from npm test, as for web)
  const workerToken = randomBytes(24).toString('hex');
  const secretsServer = await startStepSecretsServer(db, workerToken);
  const secrets = stepSecretsFromWeb({ webUrl: secretsServer.url, token: workerToken });
  // web's MLflow API, where steps log (`import mlflow`)
  const mlflowServer = await startMlflowServer(db, undefined, undefined, workerToken);
  const workerConnection = await NativeConnection.connect({ address });
  const workers: Worker[] = [await createControlWorker({ connection: workerConnection, namespace, db, client: temporal })];
  const running: Promise<void>[] = [];
  const addPoolWorker = async () => {
    const runtime = await createStepRuntime(process.env.WEFT_PYTHON ?? 'python3', process.env, { url: mlflowServer.url, workerToken });
    const worker = await createPoolWorker({ connection: workerConnection, namespace, pool: 'cpu', client: temporal, runtime, identity: `test-cpu-${process.pid}`, secrets });
    workers.push(worker);
    running.push(worker.run().finally(() => runtime.close()));
  };
  running.push(workers[0]!.run());
  if (opts.poolWorker !== false) await addPoolWorker();

  const processes: TWorkerProcess[] = [];
  const logDir = path.resolve(import.meta.dirname, '../../.weft/test/logs', `harness-${process.pid}`);
  return {
    db,
    temporal,
    projectId,
    teamId,
    members,
    webUrl: secretsServer.url,
    trackingUri: mlflowServer.trackingUri,
    workerToken,
    as: (who) => createCaller({ db, temporal, user: members[who] }),
    addPoolWorker,
    async startWorker(name, args, env = {}) {
      // as in a deployment: no database, no secrets key; web's address and the pool worker token
      const { DATABASE_URL: _db, WEFT_SECRETS_KEY: _key, ...base } = process.env;
      const worker = await startWorkerProcess({
        name,
        args,
        logDir,
        env: { ...base, TEMPORAL_NAMESPACE: namespace, WEFT_WEB_URL: secretsServer.url, WEFT_WORKER_TOKEN: workerToken, ...env },
      });
      processes.push(worker);
      return worker;
    },
    async stop() {
      await noting('terminate open runs', terminateOpenRuns(temporal));
      await noting('stop worker processes', Promise.allSettled(processes.map((p) => p.stop())));
      for (const w of workers) w.shutdown();
      // (capped: a worker that cannot drain must not fail the file's teardown; the status says why)
      await noting('shut the workers down', Promise.race([Promise.allSettled(running), new Promise((r) => setTimeout(r, 45_000).unref())]), () =>
        workers.map((w) => `${w.options.taskQueue}: ${JSON.stringify(w.getStatus())}`).join('; '),
      );
      await noting('close the connections', Promise.all([workerConnection.close(), temporal.connection.close(), secretsServer.close(), mlflowServer.close()]));
      await noting('end the database pool', pool.end());
    },
  };
}

/** Waits for `work`, saying so on stderr when a teardown phase takes long (a hung teardown names its phase). */
async function noting<T>(phase: string, work: Promise<T>, detail: () => string = () => ''): Promise<T> {
  const slow = setTimeout(() => console.error(`[harness] stop: still waiting to ${phase} after 20 s ${detail()}`), 20_000);
  try {
    return await work;
  } finally {
    clearTimeout(slow);
  }
}

/** Leaves the namespace clean for the next file of this vitest worker. */
async function terminateOpenRuns(temporal: Client) {
  for await (const wf of temporal.workflow.list({ query: 'ExecutionStatus = "Running"' })) {
    await temporal.workflow.getHandle(wf.workflowId, wf.runId).terminate('test finished').catch(() => undefined);
  }
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\`, which starts Postgres and Temporal`);
  return value;
}
