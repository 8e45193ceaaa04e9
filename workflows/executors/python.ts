import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TPythonConfig } from '../dsl';
import type { TStepContext } from './step-context';
import { runChildProcess } from './child-process';
import { stepEnvironment } from './step-environment';

/** A python step: the node's code as main.py, run by the pool's Python in a fresh process. */
export async function executePython(config: TPythonConfig, ctx: TStepContext) {
  const script = path.join(ctx.workDir, 'main.py');
  await writeFile(script, config.code);
  return runChildProcess({
    command: ctx.python,
    args: [script],
    cwd: ctx.workDir,
    env: stepEnvironment(ctx.env, ctx.python),
    signal: ctx.signal,
    onOutput: ctx.onOutput,
  });
}
