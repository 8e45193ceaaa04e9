import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { TSandboxLayout } from './bwrap-args';

/** The top-level system paths a program needs; the rest of the host's root is not shown. */
const SYSTEM_DIRS = ['/usr', '/etc', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/opt'];

/**
 * The host's system as the sandbox shows it, read-only: merged-/usr symlinks (/bin -> usr/bin)
 * stay symlinks; a /etc/resolv.conf that points out of /etc (systemd-resolved) brings its target.
 */
export function hostSystemLayout(): TSandboxLayout['system'] {
  const system: TSandboxLayout['system'] = { binds: [], symlinks: [] };
  for (const dir of SYSTEM_DIRS) {
    if (!existsSync(dir)) continue;
    if (lstatSync(dir).isSymbolicLink()) system.symlinks.push({ target: readlinkSync(dir), path: dir });
    else system.binds.push(dir);
  }
  try {
    const resolv = realpathSync('/etc/resolv.conf');
    if (!system.binds.some((dir) => resolv.startsWith(dir + path.sep))) system.binds.push(resolv);
  } catch {
    // no resolv.conf: name resolution is the host's business
  }
  return system;
}

/** A GPU worker's device nodes (/dev/nvidia0, /dev/nvidiactl, ...): the sandbox's /dev has none. */
export function gpuDevices(): string[] {
  try {
    return readdirSync('/dev').filter((name) => name.startsWith('nvidia')).map((name) => path.join('/dev', name));
  } catch {
    return [];
  }
}
