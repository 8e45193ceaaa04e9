import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { spawnService, tailOf } from '../../scripts/lib/processes';
import { waitFor } from './wait-for';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export type TWorkerProcess = {
  name: string;
  /** the worker's own pid: the one in a pool worker's identity `<pool>@<host>:<pid>` */
  pid: number;
  /** resolves with the exit code (128 + n for a signal) */
  exited: Promise<number>;
  /** SIGKILL: dies without a word, as on a lost machine */
  kill(): Promise<void>;
  /** SIGTERM, SIGKILL after a grace period; idempotent */
  stop(): Promise<void>;
};

/**
 * A Weft worker as its own OS process (`workflows/worker.ts` under tsx), as it runs in production.
 * Started as `node --import tsx`, not the tsx CLI (which runs the script in a child process), so
 * the pid we hold is the worker's own. Resolves once the worker says it polls.
 */
export async function startWorkerProcess(opts: { name: string; args: string[]; env: NodeJS.ProcessEnv; logDir: string }): Promise<TWorkerProcess> {
  const logFile = path.join(opts.logDir, `${opts.name}.log`);
  const service = await spawnService(opts.name, process.execPath, ['--import', 'tsx', 'workflows/worker.ts', ...opts.args], {
    cwd: repoRoot,
    env: opts.env,
    logFile,
    graceSeconds: 3,
  });
  let exitCode: number | undefined;
  void service.exited.then((code) => (exitCode = code));
  const worker: TWorkerProcess = {
    name: opts.name,
    pid: service.child.pid!,
    exited: service.exited,
    async kill() {
      if (exitCode === undefined) process.kill(service.child.pid!, 'SIGKILL');
      await service.exited;
    },
    stop: () => service.stop(),
  };
  try {
    await waitFor(() => readFile(logFile, 'utf8').catch(() => ''), (log) => log.includes(' polling (') || exitCode !== undefined, { timeoutMs: 60_000, what: `${opts.name} to poll` });
  } catch (error) {
    await worker.stop();
    throw error;
  }
  if (exitCode !== undefined) throw new Error(`${opts.name} exited (code ${exitCode}):\n${tailOf(logFile)}`);
  return worker;
}
