// Runs before every npm script that needs tsx: installs node_modules when they are missing or
// older than the lockfile, so `npm run dev` / `npm test` work straight after a clone or a pull.
// Plain Node with no dependencies, because it must run before anything is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.weft-installed');
const inputs = ['package.json', 'package-lock.json'].map((f) => join(root, f)).filter(existsSync);

const mtime = (file) => statSync(file).mtimeMs;
const digest = () => {
  const h = createHash('sha256');
  for (const f of inputs) h.update(readFileSync(f));
  return h.digest('hex');
};

function needsInstall() {
  if (!existsSync(join(root, 'node_modules')) || !existsSync(stamp)) return true;
  const stampTime = mtime(stamp);
  if (inputs.every((f) => mtime(f) <= stampTime)) return false;
  // A checkout or `touch` changes mtimes without changing content: compare the hash before
  // paying for a reinstall, and refresh the stamp so the next run takes the fast path.
  if (readFileSync(stamp, 'utf8').trim() === digest()) {
    const now = new Date();
    utimesSync(stamp, now, now);
    return false;
  }
  return true;
}

if (needsInstall()) {
  console.log('[weft] installing node_modules (npm install) ...');
  // `npm install`, not `npm ci`: ci fails on optional binaries of other platforms that the
  // registry lacks, while install honours the lockfile and works.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[weft] npm install failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  // Hash after the install: npm may rewrite the lockfile.
  writeFileSync(stamp, digest() + '\n');
}
