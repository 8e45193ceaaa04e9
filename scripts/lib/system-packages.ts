// The Debian packages steps are sandboxed with (README, "Security model"): bubblewrap runs each
// step in namespaces of its own, slirp4netns gives it the internet without the host's loopback.
// `npm run dev` and `npm test` install them when they are missing and this is a root shell on
// Debian (as on a fresh machine); elsewhere they say what is missing and go on (the pool worker
// then says at start how its steps are isolated without them).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SANDBOX_PACKAGES = [
  { binary: '/usr/bin/bwrap', pkg: 'bubblewrap' },
  { binary: '/usr/bin/slirp4netns', pkg: 'slirp4netns' },
];

export function ensureSandboxPackages(): void {
  const missing = SANDBOX_PACKAGES.filter((p) => !existsSync(p.binary)).map((p) => p.pkg);
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.warn(`[weft] steps are sandboxed with ${missing.join(' and ')}, which are missing: install them (apt-get install ${missing.join(' ')}) or steps run less isolated`);
    return;
  }
  console.log(`[weft] installing ${missing.join(', ')} (the step sandbox) ...`);
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', ...missing], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  // (a fresh machine may have no package lists yet)
  if (install() || (spawnSync('apt-get', ['update', '-q'], { stdio: 'ignore' }).status === 0 && install())) return;
  console.warn(`[weft] could not install ${missing.join(' ')} with apt-get: steps run less isolated (see the pool worker's log)`);
}
