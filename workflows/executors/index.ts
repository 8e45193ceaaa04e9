import type { TPoolStep } from '../contract/activities';
import { NODE_CATALOG } from '../dsl';
import type { TProcessResult } from './child-process';
import { executePython } from './python';
import { executeShell } from './shell';
import { executeNoop } from './noop';
import type { TStepContext } from './step-context';

/** Dispatch by executor; the config was validated at compile time and is parsed again here. */
export function executeStep(step: TPoolStep, ctx: TStepContext): Promise<TProcessResult> {
  switch (step.executor) {
    case 'python':
      return executePython(NODE_CATALOG.python.configSchema.parse(step.config), ctx);
    case 'shell':
      return executeShell(NODE_CATALOG.shell.configSchema.parse(step.config), ctx);
    case 'noop':
      return executeNoop(NODE_CATALOG.noop.configSchema.parse(step.config), ctx);
    case 'approval':
    case 'condition':
    case 'foreach':
    case 'subpipeline':
      throw new Error(`${step.executor} steps run in the interpreter, never on a pool worker`);
  }
}
