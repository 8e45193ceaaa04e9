import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { attachSlirpNetwork } from '../sandbox/slirp-network';
import type { TStepIdentity } from '../sandbox/step-identities';
import type { TIsolation, TSpawnPlan } from '../sandbox/step-sandbox';
import type { TProcessResult } from './child-process';

const SERVER_SCRIPT = fileURLToPath(new URL('./python-warm/weft_forkserver.py', import.meta.url));

/** What the pool's warm interpreter imports once, so that steps start with them imported. */
// (matplotlib.pyplot: its font cache is built once in the warm interpreter, not by every step that plots)
export const DEFAULT_PYTHON_PRELOAD = 'numpy,pandas,sklearn,matplotlib.pyplot';

type TServerMessage =
  | { ready: true; preloaded: string[]; failed: Record<string, string> }
  | { id: number; out: string }
  | { id: number; exit: number | null; signal: NodeJS.Signals | null };

type TPending = {
  onOutput: (chunk: string) => void;
  resolve: (result: TProcessResult) => void;
  reject: (error: Error) => void;
};

type TPythonRunBase = {
  cwd: string;
  env: Record<string, string>;
  /** the uid and gid the child switches to before the step's code runs (a root worker's step) */
  identity?: TStepIdentity;
  /** a server inside bubblewrap: the namespaces the child takes first (weft_isolate.py) */
  isolate?: TIsolation;
  signal: AbortSignal;
  onOutput: (chunk: string) => void;
};

/** A python file to run as __main__ in the warm interpreter, or a program to exec (argv). */
export type TPythonRun = (TPythonRunBase & { script: string; argv?: undefined }) | (TPythonRunBase & { argv: string[]; script?: undefined });

/**
 * A pool worker's warm Python (python-warm/weft_forkserver.py): one interpreter that has imported
 * the heavy libraries and forks a child per step. Started on the first python step; started again
 * if it dies (its running steps fail and are retried by their retry policy). Each child is its own
 * process group, so cancelling kills the group exactly as for a spawned step.
 */
export class PythonForkServer {
  private process?: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, TPending>();
  private nextId = 1;

  /**
   * `env`: the server's whole environment (it must hold no worker secret: a child's /proc environ
   * shows it). `launch`: how to start it (in a bubblewrap sandbox); by default `python server.py`.
   */
  constructor(private readonly opts: { python: string; env: Record<string, string>; launch?: (argv: string[]) => TSpawnPlan }) {}

  run(request: TPythonRun): Promise<TProcessResult> {
    const server = this.process ?? this.start();
    const id = this.nextId++;
    return new Promise<TProcessResult>((resolve, reject) => {
      const entry: TPending = { onOutput: request.onOutput, resolve, reject };
      // the server kills: only it knows the step's pid (in a sandbox, its pids are not the host's)
      const kill = () => void this.process?.stdin.write(JSON.stringify({ kill: id }) + '\n');
      if (request.signal.aborted) kill();
      request.signal.addEventListener('abort', kill, { once: true });
      const done = () => request.signal.removeEventListener('abort', kill);
      entry.resolve = (result) => (done(), resolve(result));
      entry.reject = (error) => (done(), reject(error));
      this.pending.set(id, entry);
      this.holdOpen(server, true);
      const what = request.argv ? { argv: request.argv } : { script: request.script };
      const ids = request.identity && { uid: request.identity.uid, gid: request.identity.gid };
      server.stdin.write(JSON.stringify({ id, ...what, cwd: request.cwd, env: request.env, ...ids, ...(request.isolate && { isolate: request.isolate }) }) + '\n');
    });
  }

  /** Stops the server; it kills the process groups of the steps still running. */
  close(): void {
    this.process?.stdin.end();
    this.process = undefined;
  }

  private start(): ChildProcessWithoutNullStreams {
    const startedAt = Date.now();
    const argv = [this.opts.python, SERVER_SCRIPT];
    const plan: TSpawnPlan = this.opts.launch?.(argv) ?? { command: argv[0]!, args: argv.slice(1) };
    const ids = plan.uid === undefined ? {} : { uid: plan.uid, gid: plan.gid };
    // detached: a Ctrl-C in the worker's terminal is for the worker, which then closes our stdin
    const stdio = Array<'pipe'>(plan.slirp ? 6 : 3).fill('pipe');
    const server = spawn(plan.command, plan.args, { env: this.opts.env as NodeJS.ProcessEnv, detached: true, stdio, ...ids }) as ChildProcessWithoutNullStreams;
    const network = plan.slirp && attachSlirpNetwork(server, { binary: plan.slirp.binary, ...ids });
    network?.ready.catch((error: Error) => {
      process.stderr.write(`[weft] warm python: ${error.message}\n`);
      server.kill('SIGKILL');
    });
    server.once('exit', () => network?.stop());
    // (the sandbox's setup sockets never hold the worker open; ref() on a closed one would queue a listener per step)
    for (const socket of server.stdio.slice(3)) (socket as unknown as { unref(): void } | null)?.unref();
    this.process = server;
    this.holdOpen(server, false);
    server.stderr.setEncoding('utf8').on('data', (text: string) => process.stderr.write(`[weft] warm python: ${text}`));
    createInterface({ input: server.stdout }).on('line', (line) => this.onMessage(JSON.parse(line) as TServerMessage, startedAt));
    const lost = (why: string) => {
      if (this.process === server) this.process = undefined;
      const error = new Error(`The pool's warm Python ${why}; the step will be retried`);
      for (const entry of this.pending.values()) entry.reject(error);
      this.pending.clear();
      this.holdOpen(server, false);
    };
    server.on('error', (error) => lost(`could not start (${error.message})`));
    server.on('exit', (code, signal) => lost(`exited (${signal ?? `code ${code}`})`));
    server.stdin.on('error', () => undefined); // a dead server shows as 'exit'
    return server;
  }

  /** An idle server never keeps its process alive; one running a step does, like a spawned step. */
  private holdOpen(server: ChildProcessWithoutNullStreams, hold: boolean): void {
    for (const handle of [server, server.stdin, server.stdout, server.stderr] as unknown as { ref(): void; unref(): void }[]) {
      if (hold) handle.ref();
      else handle.unref();
    }
  }

  private onMessage(message: TServerMessage, startedAt: number): void {
    if ('ready' in message) {
      const failed = Object.entries(message.failed).map(([name, why]) => `${name} (${why})`);
      console.log(
        `[weft] warm python ready in ${Date.now() - startedAt} ms: preloaded ${message.preloaded.join(', ') || 'nothing'}` +
          (failed.length ? `; not available: ${failed.join(', ')}` : ''),
      );
      return;
    }
    const entry = this.pending.get(message.id);
    if (!entry) return;
    if ('out' in message) {
      entry.onOutput(message.out);
    } else {
      this.pending.delete(message.id);
      if (this.pending.size === 0 && this.process) this.holdOpen(this.process, false);
      entry.resolve({ exitCode: message.exit, signal: message.signal });
    }
  }
}
