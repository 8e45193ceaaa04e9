import { SLIRP_FDS } from './slirp-network';

export type TSandboxNetwork = 'host' | 'slirp' | 'none';

/** A path the sandbox shows: `source` on the host at `dest` inside (the same path, mostly). */
export type TMount = { source: string; dest: string };

/** Everything a step's bubblewrap sandbox contains, and nothing else. */
export type TSandboxLayout = {
  /** The host's system directories, read-only: /usr, /etc, and /bin etc. as symlinks or binds. */
  system: { binds: string[]; symlinks: { target: string; path: string }[] };
  /** Read-only: the interpreter's venv, the step helper, each input artifact (a stored file). */
  readOnly: TMount[];
  /** Read-write: the attempt's scratch directory. */
  writable: TMount[];
  /** Device nodes to pass through (a GPU worker's /dev/nvidia*). */
  devices: string[];
  /** host: the host's network namespace; slirp: a new one that slirp4netns connects (SLIRP_FDS); none: loopback only */
  network: TSandboxNetwork;
  /** The step's uid and gid inside the sandbox (its namespace maps them to the caller's own ids). */
  uid: number;
  gid: number;
  cwd: string;
  /** the warm interpreter's sandbox: its forks take user namespaces of their own (weft_isolate.py) */
  nestedSandboxes?: boolean;
  /** empty directories to create (mount points the warm interpreter's forks use) */
  dirs?: string[];
};

/**
 * The bwrap command line for one step process. Every namespace is new (user, mount, pid, ipc,
 * uts, cgroup, and net unless the pool allows the network): the step sees its own /proc, a
 * tmpfs /tmp, a minimal /dev, the system read-only, and of Weft only its own scratch directory
 * and inputs. It dies with the worker, cannot push keystrokes into a terminal (new session) and
 * cannot create user namespaces of its own. With a slirp network, it waits for the network before
 * the command runs.
 */
export function bwrapArgs(layout: TSandboxLayout, argv: string[]): string[] {
  const args = ['--unshare-all', '--unshare-user', ...(layout.network === 'host' ? ['--share-net'] : []), '--die-with-parent', '--new-session'];
  if (!layout.nestedSandboxes) args.push('--disable-userns');
  args.push('--uid', String(layout.uid), '--gid', String(layout.gid), '--hostname', 'weft-step');
  for (const dir of layout.system.binds) args.push('--ro-bind', dir, dir);
  for (const link of layout.system.symlinks) args.push('--symlink', link.target, link.path);
  if (layout.network === 'slirp') {
    // slirp4netns's DNS instead of the host's (which may be a loopback resolver out of reach)
    args.push('--ro-bind-data', String(SLIRP_FDS.resolv), '/etc/resolv.conf');
    args.push('--info-fd', String(SLIRP_FDS.info), '--block-fd', String(SLIRP_FDS.block));
  }
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp');
  for (const dir of layout.dirs ?? []) args.push('--dir', dir);
  for (const device of layout.devices) args.push('--dev-bind', device, device);
  // writable before read-only: an input mounted inside the scratch directory must stay on top
  for (const m of layout.writable) args.push('--bind', m.source, m.dest);
  for (const m of layout.readOnly) args.push('--ro-bind', m.source, m.dest);
  args.push('--chdir', layout.cwd, '--', ...argv);
  return args;
}
