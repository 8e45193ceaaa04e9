import { chmod, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TMount } from '../sandbox/bwrap-args';
import { detectSandbox } from '../sandbox/detect-sandbox';
import { readSandboxSettings } from '../sandbox/sandbox-settings';
import type { StepSandbox } from '../sandbox/step-sandbox';
import { createPythonServer, PYTHON_LIB } from './python';
import type { PythonForkServer } from './python-fork-server';


/** How a pool worker runs step processes: its sandbox, interpreter, warm python and scratch space. */
export type TStepRuntime = {
  sandbox: StepSandbox;
  python: string;
  /** the pool's warm interpreter (not inside bubblewrap: its forks would share one sandbox) */
  pythonServer?: PythonForkServer;
  /** what every step sees read-only: the interpreter's venv and the step helper */
  mounts: TMount[];
  scratchRoot: string;
  /** one line for the worker's start log: how steps are isolated */
  description: string;
  close(): void;
};

/** Chooses the sandbox by trying it (see detectSandbox), then starts the warm python if allowed. */
export async function createStepRuntime(python: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<TStepRuntime> {
  const scratchRoot = env.WEFT_SCRATCH_DIR || path.join(os.tmpdir(), 'weft-steps');
  // 0711: a step's uid passes through to its own directory and cannot list the others
  await mkdir(scratchRoot, { recursive: true });
  await chmod(scratchRoot, 0o711);
  const mounts = [...interpreterMounts(python), { source: PYTHON_LIB, dest: PYTHON_LIB }];
  const { sandbox, message } = await detectSandbox(readSandboxSettings(env), { python, readOnly: mounts, scratchRoot });
  const pythonServer = sandbox.allowsWarmPython ? createPythonServer(python, env) : undefined;
  return { sandbox, python, pythonServer, mounts, scratchRoot, description: message, close: () => pythonServer?.close() };
}

/** A venv's interpreter needs its venv (bin/python → the system's python, lib/ with its packages). */
function interpreterMounts(python: string): TMount[] {
  const bin = path.dirname(path.resolve(python));
  if (path.basename(bin) !== 'bin' || bin.startsWith('/usr/')) return []; // a system python: /usr is mounted anyway
  const venv = path.dirname(bin);
  return [{ source: venv, dest: venv }];
}
