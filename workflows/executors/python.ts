import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TPythonConfig } from '../dsl';
import type { TStepContext } from './step-context';
import { runChildProcess } from './child-process';
import { DEFAULT_PYTHON_PRELOAD, PythonForkServer } from './python-fork-server';
import type { TSpawnPlan } from '../sandbox/step-sandbox';
import { stepEnvironment } from './step-environment';

/** weft_step.py, the helper every python step can `import weft_step as weft`. */
export const PYTHON_LIB = fileURLToPath(new URL('./python-lib', import.meta.url));
// MPLBACKEND: steps have no display; the warm interpreter preloads pyplot with it
const PYTHON_ENV = { PYTHONPATH: PYTHON_LIB, PYTHONDONTWRITEBYTECODE: '1', MPLBACKEND: 'Agg' };

/**
 * A python step: the node's code as main.py, run as __main__ in a fresh process: a fork of the
 * pool's warm interpreter when the worker has one, else a new `python3 main.py`.
 */
export async function executePython(config: TPythonConfig, ctx: TStepContext) {
  const script = path.join(ctx.workDir, 'main.py');
  await writeFile(script, config.code);
  const env = stepEnvironment({ ...ctx.env, ...PYTHON_ENV }, ctx);
  if (ctx.pythonServer) return ctx.pythonServer.run({ script, cwd: ctx.workDir, env, ...ctx.sandbox.forkOptions(ctx.view, ctx.identity), signal: ctx.signal, onOutput: ctx.onOutput });
  const plan = ctx.sandbox.plan([ctx.python, script], ctx.view, ctx.identity);
  return runChildProcess({ ...plan, cwd: ctx.workDir, env, signal: ctx.signal, onOutput: ctx.onOutput });
}

/** The warm interpreter's directory (weft_forkserver.py, weft_isolate.py): its sandbox mounts it. */
export const PYTHON_WARM = fileURLToPath(new URL('./python-warm', import.meta.url));

/**
 * The pool worker's warm interpreter; WEFT_PYTHON_PRELOAD lists the modules it imports once
 * (comma-separated; empty for none). `launch`: how to start it (in its bubblewrap sandbox).
 */
export function createPythonServer(python: string, settings: Readonly<Record<string, string | undefined>> = process.env, launch?: (argv: string[]) => TSpawnPlan): PythonForkServer {
  const preload = settings.WEFT_PYTHON_PRELOAD ?? DEFAULT_PYTHON_PRELOAD;
  return new PythonForkServer({ python, env: stepEnvironment({ ...PYTHON_ENV, WEFT_PYTHON_PRELOAD: preload }, { python, workDir: '/tmp' }), launch });
}
