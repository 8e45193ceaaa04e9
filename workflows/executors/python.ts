import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TPythonConfig } from '../dsl';
import type { TStepContext } from './step-context';
import { runChildProcess } from './child-process';
import { stepEnvironment } from './step-environment';

/** weft_step.py, the helper every python step can `import weft_step as weft`. */
const PYTHON_LIB = fileURLToPath(new URL('./python-lib', import.meta.url));

/** A python step: the node's code as main.py, run by the pool's Python in a fresh process. */
export async function executePython(config: TPythonConfig, ctx: TStepContext) {
  const script = path.join(ctx.workDir, 'main.py');
  await writeFile(script, config.code);
  return runChildProcess({
    command: ctx.python,
    args: [script],
    cwd: ctx.workDir,
    env: stepEnvironment({ ...ctx.env, PYTHONPATH: PYTHON_LIB, PYTHONDONTWRITEBYTECODE: '1' }, ctx.python),
    signal: ctx.signal,
    onOutput: ctx.onOutput,
  });
}
