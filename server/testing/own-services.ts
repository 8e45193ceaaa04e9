import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startPostgres, type PostgresServer } from '../../scripts/lib/postgres';
import { startTemporal, type TemporalServer } from '../../scripts/lib/temporal';
import { createDatabase, type TDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { createCaller } from '../trpc/root';
import { seedMembers, type TTestMembers } from './fixtures';
import { startWorkerProcess, type TWorkerProcess } from './worker-process';
import { weftDataConverter } from '../../workflows/data-converter';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export type TOwnServices = {
  dir: string;
  logDir: string;
  /** superuser URL of the `weft` database (the same across a PostgreSQL restart) */
  databaseUrl: string;
  db: TDatabase;
  projectId: string;
  teamId: string;
  members: TTestMembers;
  as: (who: keyof TTestMembers) => ReturnType<typeof createCaller>;
  /** a worker process on these services: `['--role', 'control']` or `['--pool', 'cpu']` */
  startWorker: (name: string, args: string[], extraEnv?: Record<string, string>) => Promise<TWorkerProcess>;
  /** stops the Temporal dev server and starts it again on the same port and SQLite file */
  restartTemporal: () => Promise<void>;
  stopPostgres: () => Promise<void>;
  /** starts PostgreSQL again on the same data directory and port (same URL) */
  startPostgres: () => Promise<void>;
  /** stops every worker, then Temporal and PostgreSQL, and deletes the data; idempotent */
  stop: () => Promise<void>;
};

/**
 * A Temporal dev server and a PostgreSQL of a test file's own, in a temp directory and on the
 * given ports, for tests that stop and restart them (the shared `npm test` services must stay up
 * for the other files). Both keep their data across a restart.
 */
export async function startOwnServices(ports: { temporal: number; postgres: number }): Promise<TOwnServices> {
  const binary = process.env.WEFT_TEMPORAL_CLI;
  if (!binary) throw new Error('WEFT_TEMPORAL_CLI is not set: run the tests with `npm test`');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'weft-own-'));
  await chmod(dir, 0o755); // as root, postgres runs as the `postgres` user and must reach its data dir
  // logs outlive the data, for a failure's post-mortem: .weft/test/logs/own-<port>/
  const logDir = path.join(repoRoot, '.weft', 'test', 'logs', `own-${ports.temporal}`);
  await rm(logDir, { recursive: true, force: true });
  const temporalOpts = { binary, port: ports.temporal, dbFile: path.join(dir, 'temporal.db'), logFile: path.join(logDir, 'temporal.log') };
  const pgOpts = { dataDir: path.join(dir, 'pg'), port: ports.postgres, persistent: true, logFile: path.join(logDir, 'postgres.log') };
  const workers = new Set<TWorkerProcess>();
  let temporalServer: TemporalServer | undefined;
  let pgServer: PostgresServer | undefined;
  let closeClients = async () => {};

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await Promise.allSettled([...workers].map((w) => w.stop()));
      await closeClients().catch(() => undefined);
      await Promise.allSettled([temporalServer?.stop(), pgServer?.stop()]);
      await rm(dir, { recursive: true, force: true });
    })());

  try {
    [temporalServer, pgServer] = await Promise.all([startTemporal(temporalOpts), startPostgres(pgOpts)]);
    const databaseUrl = pgServer.url;
    const { db, pool } = createDatabase(databaseUrl, 4);
    const temporal = new Client({ connection: await Connection.connect({ address: temporalServer.address }), namespace: 'default', dataConverter: weftDataConverter });
    closeClients = async () => {
      await temporal.connection.close();
      await pool.end();
    };
    await runMigrations(db);
    const { projectId, teamId, members } = await seedMembers(db);

    const { DATABASE_URL: _shared, WEFT_SECRETS_KEY: _key, ...baseEnv } = process.env;
    const env = { ...baseEnv, TEMPORAL_ADDRESS: temporalServer.address, TEMPORAL_NAMESPACE: 'default' };
    return {
      dir,
      logDir,
      databaseUrl,
      db,
      projectId,
      teamId,
      members,
      as: (who) => createCaller({ db, temporal, user: members[who] }),
      async startWorker(name, args, extraEnv = {}) {
        const control = args.includes('control'); // only the control worker holds database credentials
        const worker = await startWorkerProcess({ name, args, logDir, env: { ...(control ? { ...env, DATABASE_URL: databaseUrl } : env), ...extraEnv } });
        workers.add(worker);
        return worker;
      },
      async restartTemporal() {
        await temporalServer!.stop();
        temporalServer = await startTemporal(temporalOpts);
      },
      async stopPostgres() {
        await pgServer!.stop();
      },
      async startPostgres() {
        pgServer = await startPostgres(pgOpts);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
