// .weft holds the instance's secrets (the auth secret, PostgreSQL's password and files, Temporal's
// histories, logs) next to the two things steps use: the Python venvs and the artifact stores.
// Steps run as uids of their own (README, "Security model"); they, and bubblewrap acting for
// them, may pass through .weft to those, and nothing else in it is theirs to read. (The embedded
// PostgreSQL, which runs as the `postgres` user, passes through to its data directories too.)
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './venv';

export const weftDir = path.join(repoRoot, '.weft');

/**
 * What other users reach inside .weft: steps the venvs and every artifact store (dev, test, e2e);
 * the `postgres` user its data directories (.weft/pg and test/pg need nothing: .weft and test are
 * passed through already, and the data directories are its own).
 */
const PASSABLE = ['python', 'artifacts', 'test/artifacts', 'test/e2e-artifacts', 'bench/pg'];

/**
 * Directories on the way to a passable path: 0711 (pass through, no listing); every other entry
 * beside them: owner only. Passable paths keep their own modes (the venvs are 0755, the store
 * keeps its directories 0711). Run at every start: modes set by hand or by an older version heal.
 */
export function secureStateDir(): void {
  mkdirSync(weftDir, { recursive: true });
  moveTemporalDb();
  secureLevel(weftDir, PASSABLE);
}

function secureLevel(dir: string, reachable: string[]): void {
  chmodSync(dir, 0o711);
  const below = new Map<string, string[]>();
  for (const rel of reachable) {
    const [first, ...rest] = rel.split('/');
    below.set(first!, [...(below.get(first!) ?? []), ...(rest.length ? [rest.join('/')] : [])]);
  }
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    const stat = lstatSync(file);
    if (stat.isSymbolicLink()) continue;
    const inner = below.get(entry);
    if (inner === undefined) chmodSync(file, stat.mode & 0o700);
    else if (inner.length && stat.isDirectory()) secureLevel(file, inner);
  }
}

/** Temporal's SQLite files once lay directly in .weft; their -wal and -shm come and go, so they get a private directory. */
function moveTemporalDb(): void {
  const dir = path.join(weftDir, 'temporal');
  if (existsSync(dir)) return;
  mkdirSync(dir, { mode: 0o700 });
  for (const suffix of ['', '-wal', '-shm']) {
    const old = path.join(weftDir, `temporal.db${suffix}`);
    if (existsSync(old)) renameSync(old, path.join(dir, `temporal.db${suffix}`));
  }
}

export const temporalDbFile = path.join(weftDir, 'temporal', 'temporal.db');
