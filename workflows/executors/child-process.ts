import { spawn } from 'node:child_process';
import { attachSlirpNetwork } from '../sandbox/slirp-network';

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
  /** a bwrap sandbox to give a slirp4netns network before its command runs */
  slirp?: { binary: string };
  cwd: string;
  env: Record<string, string>;
  signal: AbortSignal;
  onOutput: (chunk: string) => void;
}): Promise<TProcessResult> {
  return new Promise((resolve, reject) => {
    const ids = opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.gid };
    const stdio = opts.slirp ? (['ignore', 'pipe', 'pipe', 'pipe', 'pipe', 'pipe'] as const) : (['ignore', 'pipe', 'pipe'] as const);
    const child = spawn(opts.command, opts.args, { cwd: opts.cwd, env: opts.env as NodeJS.ProcessEnv, detached: true, stdio: [...stdio], ...ids });
    const network = opts.slirp && attachSlirpNetwork(child, { binary: opts.slirp.binary, ...ids });
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    if (opts.signal.aborted) killGroup();
    network?.ready.catch((error: Error) => {
      opts.onOutput(`[weft] ${error.message}\n`);
      killGroup();
    });
    opts.signal.addEventListener('abort', killGroup, { once: true });
    child.stdout!.setEncoding('utf8').on('data', opts.onOutput);
    child.stderr!.setEncoding('utf8').on('data', opts.onOutput);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      opts.signal.removeEventListener('abort', killGroup);
      network?.stop();
      killGroup(); // reap anything the step left running in its group
      resolve({ exitCode, signal });
    });
  });
}
