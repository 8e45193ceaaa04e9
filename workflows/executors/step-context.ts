import type { StepSandbox, TStepView } from '../sandbox/step-sandbox';
import type { TStepIdentity } from '../sandbox/step-identities';
import type { PythonForkServer } from './python-fork-server';

/** What an executor gets for one attempt: a scratch directory, the env to add, output and cancel hooks. */
export type TStepContext = {
  workDir: string;
  python: string;
  /** The pool's warm interpreter, when it has one (python steps fork from it). */
  pythonServer?: PythonForkServer;
  sandbox: StepSandbox;
  /** what the attempt's processes may see (bubblewrap mounts exactly this) */
  view: TStepView;
  /** the uid the attempt runs as, when it has one of its own */
  identity?: TStepIdentity;
  env: Record<string, string>;
  signal: AbortSignal;
  onOutput: (chunk: string) => void;
};
