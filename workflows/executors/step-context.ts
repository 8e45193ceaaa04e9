import type { PythonForkServer } from './python-fork-server';

/** What an executor gets for one attempt: a scratch directory, the env to add, output and cancel hooks. */
export type TStepContext = {
  workDir: string;
  python: string;
  /** The pool's warm interpreter, when it has one (python steps fork from it). */
  pythonServer?: PythonForkServer;
  env: Record<string, string>;
  signal: AbortSignal;
  onOutput: (chunk: string) => void;
};
