import path from 'node:path';

/**
 * The environment a step process sees: a short allow-list, never the worker's own environment,
 * so that no credential of the worker leaks into user code or its logs.
 */
export function stepEnvironment(extra: Record<string, string>, pythonBin?: string): Record<string, string> {
  const basePath = process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin';
  const env: Record<string, string> = {
    PATH: pythonBin ? `${path.dirname(pythonBin)}:${basePath}` : basePath,
    HOME: process.env.HOME ?? '/tmp',
    LANG: process.env.LANG ?? 'C.UTF-8',
    PYTHONUNBUFFERED: '1',
    ...extra,
  };
  if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
  return env;
}
