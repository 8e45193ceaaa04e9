// The ML step library's own unit tests (python-lib/weft_ml/tests), run with the step interpreter.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const python = path.resolve(repoRoot, process.env.WEFT_PYTHON ?? '.weft/python/steps/bin/python');
const pythonLib = path.join(repoRoot, 'workflows', 'executors', 'python-lib');

describe('weft_ml (the ML step library)', () => {
  it('passes its unit tests', { timeout: 180_000 }, async () => {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', PYTHONDONTWRITEBYTECODE: '1', PYTHONPATH: pythonLib } as Record<string, string> as NodeJS.ProcessEnv;
    const { stderr } = await run(python, ['-m', 'unittest', 'discover', '-v', '-s', 'weft_ml/tests', '-t', '.'], { cwd: pythonLib, env, maxBuffer: 16 * 1024 * 1024 });
    // (skipped: the PyTorch example's training, where the interpreter has no torch)
    expect(stderr).toMatch(/\nOK( \(skipped=\d+\))?\s*$/);
  });
});
