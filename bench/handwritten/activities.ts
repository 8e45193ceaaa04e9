// Activities of the hand-written reference workflows (bench/handwritten/workflows.ts).
import { spawn } from 'node:child_process';

/** Returns at once. */
export async function noop(): Promise<void> {}

/** Starts `python -c <code>` (by default `pass`: the bare cost of a Python process) and waits for it. */
export function pythonPass(python: string, code = 'pass'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-c', code], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${python} -c ${code}: ${signal ?? `exit ${code}`}: ${output.slice(0, 500)}`)),
    );
  });
}
