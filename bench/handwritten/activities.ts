// Activities of the hand-written reference workflows (bench/handwritten/workflows.ts).
import { spawn } from 'node:child_process';

/** Returns at once. */
export async function noop(): Promise<void> {}

/** Starts `python -c pass` and waits for it: the bare cost of a Python process. */
export function pythonPass(python: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-c', 'pass'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${python} -c pass: ${signal ?? `exit ${code}`}: ${output.slice(0, 500)}`)),
    );
  });
}
