import type { TShellConfig } from '../dsl';
import type { TStepContext } from './step-context';
import { runChildProcess } from './child-process';
import { PYTHON_LIB } from './python';
import { stepEnvironment } from './step-environment';

/** A shell step: the command under `bash -e`, so the first failing line fails the step. */
export function executeShell(config: TShellConfig, ctx: TStepContext) {
  const argv = ['bash', '-e', '-c', config.command];
  // (a python it starts finds the step helper, and MLflow through sitecustomize)
  const run = { cwd: ctx.workDir, env: stepEnvironment({ PYTHONPATH: PYTHON_LIB, ...ctx.env }, ctx), signal: ctx.signal, onOutput: ctx.onOutput };
  // through the warm interpreter's fork server when there is one: its steps die with their worker
  if (ctx.pythonServer) return ctx.pythonServer.run({ argv, ...ctx.sandbox.forkOptions(ctx.view, ctx.identity), ...run });
  return runChildProcess({ ...ctx.sandbox.plan(argv, ctx.view, ctx.identity), ...run });
}
