/** What an executor gets for one attempt: a scratch directory, the env to add, output and cancel hooks. */
export type TStepContext = {
  workDir: string;
  python: string;
  env: Record<string, string>;
  signal: AbortSignal;
  onOutput: (chunk: string) => void;
};
