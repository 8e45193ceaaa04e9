import type { TPythonLibraryConfig } from '../dsl';
import type { TStepContext } from './step-context';
import { executePython } from './python';

/**
 * An ML library step (Load dataset, Train, ...): its module of weft_ml (python-lib/weft_ml/, on
 * every python step's PYTHONPATH) run as a python step, so it gets the same warm fork, sandbox
 * and tracking environment. The module reads its params and port bindings from the step's
 * config in WEFT_INPUT. The module name is one of ML_MODULES (the plan's schema checks it), never
 * text a user typed, so it is safe to place in code.
 */
export function executePythonLibrary(config: TPythonLibraryConfig, ctx: TStepContext) {
  return executePython({ code: `from weft_ml.runner import run\nrun(${JSON.stringify(config.module)})\n` }, ctx);
}
