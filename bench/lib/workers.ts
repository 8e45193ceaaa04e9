// Everything a measurement needs, in this process: the services, a migrated and seeded database,
// the tRPC caller the UI uses, and the workers (Weft's control and cpu pool, the hand-written ones).
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createDatabase } from '../../server/db/client';
import { runMigrations } from '../../server/db/migrate';
import { seedMembers } from '../../server/testing/fixtures';
import { startRunReconciler } from '../../server/services/runs/reconcile-runs';
import { createCaller } from '../../server/trpc/root';
import { createStepRuntime } from '../../workflows/executors/step-runtime';
import { createControlWorker } from '../../server/control/control-worker';
import { createPoolWorker } from '../../workflows/worker-factory';
import { onCleanup } from '../../scripts/lib/processes';
import * as handActivities from '../handwritten/activities';
import { HAND_ACTIVITY_QUEUE, HAND_QUEUE, NAMESPACE } from './config';
import { startServices } from './services';
import { errorText, sleep } from './util';
import { weftDataConverter } from '../../workflows/data-converter';

const handWorkflowsPath = fileURLToPath(new URL('../handwritten/workflows.ts', import.meta.url));

export type TBench = Awaited<ReturnType<typeof startBench>>;

export async function startBench() {
  const services = await startServices();
  // Worker and core warnings go to stderr with the progress lines; stdout keeps the table.
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} } } });

  const { db, pool } = createDatabase(services.databaseUrl, 25);
  onCleanup(() => pool.end());
  await runMigrations(db);
  const { projectId, members } = await seedMembers(db);

  const clientConnection = await Connection.connect({ address: services.address });
  const temporal = new Client({ connection: clientConnection, namespace: NAMESPACE, dataConverter: weftDataConverter });
  const workerConnection = await NativeConnection.connect({ address: services.address });
  const runtime = await createStepRuntime(services.python);
  console.error(`[bench] ${runtime.description}`);
  onCleanup(async () => runtime.close());
  const workers: Worker[] = await Promise.all([
    createControlWorker({ connection: workerConnection, namespace: NAMESPACE, db, client: temporal }),
    createPoolWorker({ connection: workerConnection, namespace: NAMESPACE, pool: 'cpu', client: temporal, runtime, identity: `bench-cpu-${process.pid}` }),
    Worker.create({ connection: workerConnection, namespace: NAMESPACE, taskQueue: HAND_QUEUE, workflowsPath: handWorkflowsPath, activities: handActivities }),
    Worker.create({ connection: workerConnection, namespace: NAMESPACE, taskQueue: HAND_ACTIVITY_QUEUE, activities: handActivities }),
  ]);
  let rejectWorkerDied!: (error: Error) => void;
  const workerDied = new Promise<never>((_, reject) => (rejectWorkerDied = reject));
  workerDied.catch(() => undefined);
  let shuttingDown = false;
  const running = workers.map((w, i) =>
    w.run().catch((error: unknown) => {
      if (!shuttingDown) rejectWorkerDied(new Error(`worker ${['control', 'pool cpu', 'hand-written', 'hand-written activities'][i]} stopped: ${errorText(error)}`));
    }),
  );
  // Registered after PostgreSQL and Temporal, so it runs before they stop.
  onCleanup(async () => {
    shuttingDown = true;
    for (const w of workers) {
      try {
        w.shutdown();
      } catch {
        /* not running */
      }
    }
    await Promise.race([Promise.allSettled(running), sleep(15_000)]);
    // The control worker's own pg pool (worker-factory keeps it) is about to lose its server.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void (String(args[0]).includes('postgres pool error') || warn(...args));
    await workerConnection.close().catch(() => undefined);
    await clientConnection.close().catch(() => undefined);
  });

  // the control worker's reconciler runs as in `npm run dev`: its cost is part of the control worker's
  const stopReconciler = startRunReconciler({ db, temporal });
  onCleanup(async () => stopReconciler());
  const api = createCaller({ db, temporal, user: members.editor });
  const admin = createCaller({ db, temporal, user: members.admin });
  /** more pool workers in this process (pools benches); stopped with the bench, or by the returned stop */
  // (a connection of its own each: one connection may not serve two workers of the same task queue)
  const addPoolWorker = async (opts: Omit<Parameters<typeof createPoolWorker>[0], 'connection' | 'namespace' | 'client' | 'runtime'>) => {
    const connection = await NativeConnection.connect({ address: services.address });
    const worker = await createPoolWorker({ ...opts, connection, namespace: NAMESPACE, client: temporal, runtime });
    const done = worker.run().catch(() => undefined);
    const stop = async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await Promise.race([done, sleep(15_000)]);
      await connection.close().catch(() => undefined);
    };
    onCleanup(stop);
    return { worker, stop };
  };
  return { ...services, db, temporal, api, admin, addPoolWorker, projectId, members, workerDied };
}
