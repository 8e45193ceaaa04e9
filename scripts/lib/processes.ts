// A tiny supervisor for the dev and test commands: children with logs in files, ordered shutdown
// (children first, then registered cleanups such as Temporal and PostgreSQL), and signal/exit
// handlers so that nothing keeps running after the parent goes away.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface ServiceOptions {
  env?: NodeJS.ProcessEnv;
  /** Output is appended here; without it the child shares this process's stdout/stderr. */
  logFile?: string;
  cwd?: string;
  /** Ports that must be free before starting (checked after a leftover of ours is stopped). */
  ports?: number[];
  /** A command expected to finish (a build, a test run): its exit is not reported as a crash. */
  oneShot?: boolean;
  /**
   * Infrastructure (the Temporal server) is left out of stopAll()'s first round so that workers
   * shut down while it still answers; the caller stops it from an onCleanup() instead.
   */
  infrastructure?: boolean;
  /** Seconds between SIGTERM and SIGKILL when stopping (default 5). */
  graceSeconds?: number;
}

export interface Service {
  name: string;
  child: ChildProcess;
  logFile?: string;
  /** Resolves when the child has exited: its exit code, or 128 + n for a signal. */
  exited: Promise<number>;
  stop(): Promise<void>;
}

type Cleanup = () => Promise<void>;

const services = new Set<Service>();
const cleanups: Cleanup[] = [];
/** Processes signalled synchronously from the 'exit' handler if they are still around. */
const lastResort = new Map<number, { signal: NodeJS.Signals; group: boolean }>();
const stoppedByUs = new WeakSet<ChildProcess>();
let stopping: Promise<void> | undefined;
let handlersInstalled = false;

function statOf(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "pid (comm)": state, ppid, ...; comm may contain spaces or parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // An orphan reparented to a PID 1 that never reaps stays a zombie: treat it as gone.
  return statOf(pid)?.[0] !== 'Z';
}

/** The live process that owns `pid` as a weft parent (a node process), if any. */
export function weftParentOf(pid: number): number | undefined {
  const ppid = Number(statOf(pid)?.[1]);
  if (!(ppid > 1) || !isAlive(ppid)) return undefined;
  return /(^|\/)node$/.test((cmdlineOf(ppid) ?? '').split('\0')[0] ?? '') ? ppid : undefined;
}

export function cmdlineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends `signal`, then waits up to `graceMs` for the pid to go; SIGKILL after that. */
export async function killAndWait(pid: number, signal: NodeJS.Signals, graceMs: number, group = false): Promise<void> {
  const send = (s: NodeJS.Signals) => {
    try {
      process.kill(group ? -pid : pid, s);
    } catch {
      /* already gone */
    }
  };
  send(signal);
  const deadline = Date.now() + graceMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      send('SIGKILL');
      await sleep(100);
      if (!isAlive(pid)) break;
    }
    await sleep(50);
  }
}

/** Throws a readable error when something already listens on 127.0.0.1:port. */
export function assertPortFree(port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${port} (${what}) is already in use; stop whatever holds it or choose another port`)
          : err,
      ),
    );
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve()));
  });
}

function pidFileFor(logFile: string): string {
  return logFile.replace(/\.log$/, '') + '.pid';
}

/**
 * A previous parent killed by SIGKILL leaves its children running (ports held, sqlite locked).
 * Each logged child records "pid\ncmdline" next to its log; stop such a leftover before starting
 * again, but only when the pid still runs the same command line (pids get reused) and no live
 * weft process owns it (that is a second dev/test run in this checkout: refuse, never kill).
 */
async function stopLeftover(pidFile: string, name: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const [pidText = '', ...rest] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidText);
  if (pid > 0 && isAlive(pid) && cmdlineOf(pid) === rest.join('\n')) {
    const owner = weftParentOf(pid);
    if (owner !== undefined) {
      throw new Error(`${name} is already running (pid ${pid}, started by pid ${owner}): is another weft dev/test running here?`);
    }
    console.log(`[weft] stopping leftover ${name} (pid ${pid}) from a previous run`);
    await killAndWait(pid, 'SIGTERM', 5000, true);
  }
  rmSync(pidFile, { force: true });
}

/**
 * Spawns a child in its own process group (so a stop reaches grandchildren too: tsx and next
 * both run the real work in a child process), registered for stopAll() and the exit handlers.
 */
export async function spawnService(name: string, cmd: string, args: string[], opts: ServiceOptions = {}): Promise<Service> {
  installHandlers();
  if (stopping) throw new Error(`not starting ${name}: shutting down`);
  let fd: number | undefined;
  let pidFile: string | undefined;
  if (opts.logFile) {
    mkdirSync(path.dirname(opts.logFile), { recursive: true });
    pidFile = pidFileFor(opts.logFile);
    await stopLeftover(pidFile, name);
  }
  for (const port of opts.ports ?? []) await assertPortFree(port, name);
  if (opts.logFile) {
    fd = openSync(opts.logFile, 'a');
    writeSync(fd, `\n=== ${new Date().toISOString()} ${cmd} ${args.join(' ')}\n`);
  }
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: true,
    stdio: fd === undefined ? ['ignore', 'inherit', 'inherit'] : ['ignore', fd, fd],
  });
  if (fd !== undefined) closeSync(fd); // the child holds its own copy
  const exited = new Promise<number>((resolve) => {
    child.once('error', (err) => {
      console.error(`[weft] ${name}: ${err.message}`);
      resolve(127);
    });
    child.once('exit', (code, signal) => {
      lastResort.delete(child.pid ?? -1);
      if (pidFile) rmSync(pidFile, { force: true });
      const status = code ?? 128 + (signal ? (osSignalNumber(signal) ?? 0) : 0);
      if (!opts.oneShot && !stopping && !stoppedByUs.has(child)) {
        const where = opts.logFile ? `; log: ${path.relative(process.cwd(), opts.logFile)}` : '';
        console.error(`[weft] ${name} exited (${signal ?? `code ${code}`})${where}`);
      }
      resolve(status);
    });
  });
  if (child.pid !== undefined) {
    lastResort.set(child.pid, { signal: 'SIGTERM', group: true });
    if (pidFile) writeFileSync(pidFile, `${child.pid}\n${cmdlineOf(child.pid) ?? ''}`);
  }
  const graceMs = (opts.graceSeconds ?? 5) * 1000;
  const service: Service = {
    name,
    child,
    logFile: opts.logFile,
    exited,
    async stop() {
      services.delete(service);
      stoppedByUs.add(child);
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        await killAndWait(child.pid, 'SIGTERM', graceMs, true);
      }
      await exited;
    },
  };
  if (!opts.infrastructure) services.add(service);
  void exited.then(() => services.delete(service));
  return service;
}

function osSignalNumber(signal: NodeJS.Signals): number | undefined {
  return (
    { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 } as Partial<Record<NodeJS.Signals, number>>
  )[signal];
}

/** Registers an async cleanup run by stopAll() after every child has stopped (last in, first out). Returns an unregister function. */
export function onCleanup(fn: Cleanup): () => void {
  installHandlers();
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** Remembers a process not spawned here (e.g. postgres) that must get `signal` if this process exits abruptly. */
export function trackPid(pid: number, signal: NodeJS.Signals): () => void {
  installHandlers();
  lastResort.set(pid, { signal, group: false });
  return () => lastResort.delete(pid);
}

/** True once stopAll() has begun (a child exiting then is expected, not a crash). */
export function isStopping(): boolean {
  return stopping !== undefined;
}

/** The last lines of a log file, for error messages. */
export function tailOf(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Stops every service (in parallel), then runs cleanups in reverse order. Idempotent. */
export function stopAll(): Promise<void> {
  stopping ??= (async () => {
    await Promise.all([...services].map((s) => s.stop()));
    while (cleanups.length > 0) {
      const fn = cleanups.pop()!;
      try {
        await fn();
      } catch (err) {
        console.error('[weft] cleanup failed:', err);
      }
    }
  })();
  return stopping;
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const signals: [NodeJS.Signals, number][] = [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ];
  let firstAt = 0;
  for (const [signal, code] of signals) {
    process.on(signal, () => {
      if (firstAt) {
        // tsx relays the terminal's Ctrl-C to us although we got it already: only a signal that
        // comes well after the first one is a person insisting.
        if (Date.now() - firstAt < 1500) return;
        // Second Ctrl-C: do not wait any longer; the 'exit' handler signals what is left.
        console.error('\n[weft] forced exit');
        process.exit(code);
      }
      firstAt = Date.now();
      console.error(`\n[weft] ${signal}: stopping everything ...`);
      void stopAll().finally(() => process.exit(code));
    });
  }
  // Last resort for paths that skip stopAll (uncaught exception, a bare process.exit()):
  // only synchronous work is possible here, so signal and let the children shut down alone.
  process.on('exit', () => {
    for (const [pid, { signal, group }] of lastResort) {
      try {
        process.kill(group ? -pid : pid, signal);
      } catch {
        /* gone */
      }
    }
  });
}
