import type { TPoolStep } from '../contract/activities';
import type { TPoolExecutor, TStepConfig } from '../dsl';
import type { TProcessResult } from './child-process';
import { executePython } from './python';
import { executePythonLibrary } from './python-library';
import { executeShell } from './shell';
import { executeNoop } from './noop';
import type { TStepContext } from './step-context';

/** The executor of each pool step kind (a new pool executor is a type error here until it has one). */
const EXECUTORS: { [E in TPoolExecutor]: (config: TStepConfig<E>, ctx: TStepContext) => Promise<TProcessResult> } = {
  python: executePython,
  shell: executeShell,
  noop: executeNoop,
  python_library: executePythonLibrary,
};

/** Dispatch by executor; the config was parsed once, at compile (defaults applied), and is typed by it. */
export function executeStep<E extends TPoolExecutor>(step: TPoolStep<E>, ctx: TStepContext): Promise<TProcessResult> {
  return EXECUTORS[step.executor](step.config, ctx);
}
