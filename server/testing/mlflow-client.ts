import { spawn } from 'node:child_process';
import path from 'node:path';

const python = process.env.WEFT_PYTHON ?? path.resolve(import.meta.dirname, '../../.weft/python/steps/bin/python');

/**
 * Runs one of the real mlflow client's test scripts (server/test/mlflow-client/) against a tracking
 * URI with a token; answers its exit code, its whole output, and the JSON its last line prints.
 */
export async function runMlflowClientScript<T>(script: string, opts: { trackingUri: string; token: string }): Promise<{ code: number | null; out: string; result: () => T }> {
  const child = spawn(python, [path.resolve(import.meta.dirname, '../test/mlflow-client', script)], {
    env: { ...process.env, MLFLOW_TRACKING_URI: opts.trackingUri, MLFLOW_TRACKING_TOKEN: opts.token, MLFLOW_HTTP_REQUEST_MAX_RETRIES: '0' },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, out, result: () => JSON.parse(out.trim().split('\n').at(-1)!) as T };
}
