import path from 'node:path';

/** Where a step finds programs: its interpreter's bin (python, pip of the venv) and the system's. */
const SYSTEM_PATH = '/usr/local/bin:/usr/bin:/bin';

/**
 * The environment a step process sees: a short allow-list, never the worker's own environment,
 * so that no credential of the worker leaks into user code or its logs. PATH is fixed, not the
 * worker's: the worker's may hold Weft's tools (the Temporal CLI), which steps must not find.
 * HOME is the step's scratch directory (a step's uid has no home; caches die with the attempt).
 */
export function stepEnvironment(extra: Record<string, string>, step: { python: string; workDir: string }): Record<string, string> {
  return {
    PATH: `${path.dirname(step.python)}:${SYSTEM_PATH}`,
    HOME: step.workDir,
    LANG: process.env.LANG ?? 'C.UTF-8',
    PYTHONUNBUFFERED: '1',
    ...extra,
  };
}
