import { spawn } from 'node:child_process';

export type TProcessResult = { exitCode: number | null; signal: NodeJS.Signals | null };

/**
 * Runs a command in its own process group, feeding its output to `onOutput`. When `signal`
 * aborts (step cancelled or timed out) the whole group is killed, so no grandchild outlives it.
 */
export function runChildProcess(opts: {
  command: string;
  args: string[];
  /** run as these ids (a root worker's step): spawn() also drops the supplementary groups */
  uid?: number;
  gid?: number;
  cwd: string;
  env: Record<string, string>;
  signal: AbortSignal;
  onOutput: (chunk: string) => void;
}): Promise<TProcessResult> {
  return new Promise((resolve, reject) => {
    const ids = opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.gid };
    const child = spawn(opts.command, opts.args, { cwd: opts.cwd, env: opts.env as NodeJS.ProcessEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...ids });
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    if (opts.signal.aborted) killGroup();
    opts.signal.addEventListener('abort', killGroup, { once: true });
    child.stdout.setEncoding('utf8').on('data', opts.onOutput);
    child.stderr.setEncoding('utf8').on('data', opts.onOutput);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      opts.signal.removeEventListener('abort', killGroup);
      killGroup(); // reap anything the step left running in its group
      resolve({ exitCode, signal });
    });
  });
}
