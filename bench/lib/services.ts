// The bench's PostgreSQL and Temporal: its own (127.0.0.1:5477, a tuned dev server on 127.0.0.1:7277;
// both + BENCH_PORT_OFFSET)
// unless BENCH_DATABASE_URL / BENCH_TEMPORAL_ADDRESS name servers to use.
import { execFileSync } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { createDatabase as createPgDatabase, startPostgres } from '../../scripts/lib/postgres';
import { assertPostgresCanRun } from '../../scripts/lib/postgres-access';
import { isAlive, onCleanup } from '../../scripts/lib/processes';
import { ensureNamespaces, startTemporal } from '../../scripts/lib/temporal';
import { secureStateDir } from '../../scripts/lib/state-dir';
import { ensureSandboxPackages } from '../../scripts/lib/system-packages';
import { ensureVenv } from '../../scripts/lib/venv';
import { benchDir, NAMESPACE, PORT_OFFSET, TEMPORAL_IN_MEMORY } from './config';

const removeSqlite = (file: string) => Promise.all(['', '-wal', '-shm'].map((s) => rm(file + s, { force: true }))).then(() => undefined);

/** Databases of benches that died without cleaning up (SIGKILL): their pid no longer runs. */
async function removeStaleTemporalDbs(): Promise<void> {
  const files = await readdir(benchDir).catch(() => [] as string[]);
  for (const name of files) {
    const pid = Number(/^temporal-(\d+)\.db$/.exec(name)?.[1]);
    if (pid > 0 && pid !== process.pid && !isAlive(pid)) await removeSqlite(path.join(benchDir, name));
  }
}

export async function startServices() {
  const givenDb = process.env.BENCH_DATABASE_URL;
  // (first: it sets the modes the PostgreSQL check below looks at)
  secureStateDir();
  // Before the venv is built and Temporal started: a PostgreSQL that cannot start stops us at once.
  if (!givenDb) await assertPostgresCanRun(path.join(benchDir, 'pg'));
  const venv = await ensureVenv();
  ensureSandboxPackages();
  const givenTemporal = process.env.BENCH_TEMPORAL_ADDRESS;
  // One file per bench process, so that a second bench started by mistake (refused: ports in use)
  // never deletes the first one's live database.
  const temporalDb = path.join(benchDir, `temporal-${process.pid}.db`);
  if (!givenTemporal && !TEMPORAL_IN_MEMORY) {
    await removeStaleTemporalDbs();
    onCleanup(() => removeSqlite(temporalDb)); // registered first, so it runs after the server has stopped
  }
  const [adminUrl, address] = await Promise.all([
    givenDb ?? startPostgres({ dataDir: path.join(benchDir, 'pg'), port: 5477 + PORT_OFFSET, persistent: false }).then((pg) => pg.url),
    givenTemporal
      ? ensureNamespaces(givenTemporal, [NAMESPACE]).then(() => givenTemporal)
      : startTemporal({
          binary: venv.temporal,
          port: 7277 + PORT_OFFSET,
          // SQLite in WAL mode, as `npm run dev` runs it (a fresh file, removed afterwards)
          dbFile: TEMPORAL_IN_MEMORY ? undefined : temporalDb,
          namespaces: [NAMESPACE],
          logFile: path.join(benchDir, 'logs', 'temporal.log'),
        }).then((t) => t.address),
  ]);
  // A fresh database: on a server we were given, one of our own, dropped at the end.
  let databaseUrl = adminUrl;
  if (givenDb) {
    const name = `weft_bench_${process.pid}_${Date.now()}`;
    databaseUrl = await createPgDatabase(givenDb, name, { dropExisting: true });
    onCleanup(async () => {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: givenDb });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`).finally(() => client.end());
    });
  }
  let temporalVersion = givenTemporal ? `given server ${givenTemporal}` : '';
  if (!givenTemporal) {
    try {
      temporalVersion = execFileSync(venv.temporal, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      temporalVersion = 'temporal CLI (version unknown)';
    }
  }
  return { databaseUrl, address, python: venv.python, temporalVersion, ownServices: { postgres: !givenDb, temporal: !givenTemporal } };
}
