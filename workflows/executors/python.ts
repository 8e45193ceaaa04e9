import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TPythonConfig } from '../dsl';
import type { TStepContext } from './step-context';
import { runChildProcess } from './child-process';
import { DEFAULT_PYTHON_PRELOAD, PythonForkServer } from './python-fork-server';
import { stepEnvironment } from './step-environment';

/** weft_step.py, the helper every python step can `import weft_step as weft`. */
export const PYTHON_LIB = fileURLToPath(new URL('./python-lib', import.meta.url));
const PYTHON_ENV = { PYTHONPATH: PYTHON_LIB, PYTHONDONTWRITEBYTECODE: '1' };

/**
 * A python step: the node's code as main.py, run as __main__ in a fresh process: a fork of the
 * pool's warm interpreter when the worker has one, else a new `python3 main.py`.
 */
export async function executePython(config: TPythonConfig, ctx: TStepContext) {
  const script = path.join(ctx.workDir, 'main.py');
  await writeFile(script, config.code);
  const env = stepEnvironment({ ...ctx.env, ...PYTHON_ENV }, ctx);
  if (ctx.pythonServer) return ctx.pythonServer.run({ script, cwd: ctx.workDir, env, identity: ctx.identity, signal: ctx.signal, onOutput: ctx.onOutput });
  const plan = ctx.sandbox.plan([ctx.python, script], ctx.view, ctx.identity);
  return runChildProcess({ ...plan, cwd: ctx.workDir, env, signal: ctx.signal, onOutput: ctx.onOutput });
}

/**
 * The pool worker's warm interpreter, unless WEFT_PYTHON_WARM=0. WEFT_PYTHON_PRELOAD lists the
 * modules it imports once (comma-separated; empty for none).
 */
export function createPythonServer(python: string, settings: Record<string, string | undefined> = process.env): PythonForkServer | undefined {
  if (settings.WEFT_PYTHON_WARM === '0') return undefined;
  const preload = settings.WEFT_PYTHON_PRELOAD ?? DEFAULT_PYTHON_PRELOAD;
  return new PythonForkServer({ python, env: stepEnvironment({ ...PYTHON_ENV, WEFT_PYTHON_PRELOAD: preload }, { python, workDir: '/tmp' }) });
}
