import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/**
 * The file descriptors a bwrap sandbox with a slirp4netns network is started with (after stdin,
 * stdout and stderr): bwrap writes its JSON info (the sandbox's pid) to the first, waits on the
 * second before the step's command runs, and reads the sandbox's /etc/resolv.conf from the third.
 */
export const SLIRP_FDS = { info: 3, block: 4, resolv: 5 } as const;

/** slirp4netns's own DNS forwarder, inside the sandbox's network. */
const RESOLV_CONF = 'nameserver 10.0.2.3\n';
/** starts slirp4netns in the user namespace that owns the sandbox's network (see the file) */
const SLIRP_JOIN = fileURLToPath(new URL('./slirp-join.py', import.meta.url));
const SYSTEM_PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const READY_WITHIN_MS = 10_000;

export type TSlirpNetwork = {
  /** resolves once the sandbox has its network and the step's command may run */
  ready: Promise<void>;
  stop(): void;
};

/**
 * Gives a starting bwrap sandbox a network of its own through slirp4netns: outbound TCP and UDP
 * (downloads, APIs) via a user-mode NAT, but with the host's loopback disabled, so that a step
 * cannot reach the services Weft's control plane listens on locally (Temporal, PostgreSQL). slirp4netns
 * runs as the step's uid and joins the sandbox's user namespace to configure its network namespace.
 */
export function attachSlirpNetwork(sandbox: ChildProcess, opts: { binary: string; uid?: number; gid?: number }): TSlirpNetwork {
  const fds = sandbox.stdio as unknown as (Readable & Writable)[];
  const info: Readable = fds[SLIRP_FDS.info]!;
  const block: Writable = fds[SLIRP_FDS.block]!;
  // These are socket pairs, read and written on both ends: a sandbox that dies, or closes one
  // early, resets them (ECONNRESET), which must not become an unhandled 'error' that ends the worker.
  ignoreResets(Object.values(SLIRP_FDS).map((fd) => fds[fd]));
  fds[SLIRP_FDS.resolv]!.end(RESOLV_CONF);
  let slirp: ChildProcess | undefined;
  const ready = (async () => {
    const pid = await sandboxPid(info);
    const ids = opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.gid };
    const netns = `/proc/${pid}/ns/net`;
    slirp = spawn(
      SYSTEM_PYTHON,
      ['-I', '-S', SLIRP_JOIN, netns, opts.binary, '--configure', '--mtu=65520', '--disable-host-loopback', '--netns-type=path', '--ready-fd=3', '--exit-fd=4', netns, 'tap0'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], ...ids },
    );
    ignoreResets(slirp.stdio.slice(2));
    await slirpReady(slirp);
    block.end('1');
  })();
  return {
    ready,
    stop() {
      (slirp?.stdio[4] as Writable | undefined)?.end();
      slirp?.kill('SIGKILL');
    },
  };
}

function ignoreResets(streams: readonly unknown[]): void {
  for (const stream of streams) (stream as Readable | null)?.on('error', () => undefined);
}

/** bwrap's info: `{ "child-pid": 1234, ... }`, written once its namespaces exist. */
function sandboxPid(info: Readable): Promise<number> {
  return new Promise((resolve, reject) => {
    let text = '';
    info.setEncoding('utf8');
    info.on('data', (chunk: string) => {
      text += chunk;
      const match = /"child-pid"\s*:\s*(\d+)/.exec(text);
      if (match) resolve(Number(match[1]));
    });
    info.on('error', reject);
    info.on('close', () => reject(new Error('the sandbox ended before it started')));
  });
}

function slirpReady(slirp: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    slirp.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const fail = (why: string) => reject(new Error(`slirp4netns could not give the step a network: ${why}${stderr ? ` (${stderr.trim().split('\n').at(-1)})` : ''}`));
    const timer = setTimeout(() => fail(`not ready within ${READY_WITHIN_MS / 1000} s`), READY_WITHIN_MS);
    (slirp.stdio[3] as Readable).once('data', () => {
      clearTimeout(timer);
      resolve();
    });
    slirp.once('error', (error) => (clearTimeout(timer), fail(error.message)));
    slirp.once('exit', (code) => (clearTimeout(timer), fail(`exited with ${code}`)));
  });
}
