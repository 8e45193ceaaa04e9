import type { TShellConfig } from '../dsl';
import type { TStepContext } from './step-context';
import { runChildProcess } from './child-process';
import { stepEnvironment } from './step-environment';

/** A shell step: the command under `bash -e`, so the first failing line fails the step. */
export function executeShell(config: TShellConfig, ctx: TStepContext) {
  return runChildProcess({
    command: 'bash',
    args: ['-e', '-c', config.command],
    cwd: ctx.workDir,
    env: stepEnvironment(ctx.env, ctx.python),
    signal: ctx.signal,
    onOutput: ctx.onOutput,
  });
}
