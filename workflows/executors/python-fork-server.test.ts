// The warm interpreter driven for real: the project's venv python, real forks, real signals.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../server/testing/wait-for';
import type { TProcessResult } from './child-process';
import { createPythonServer } from './python';
import type { PythonForkServer } from './python-fork-server';
import { stepEnvironment } from './step-environment';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const python = path.resolve(repoRoot, process.env.WEFT_PYTHON ?? '.weft/python/steps/bin/python');

let server: PythonForkServer;
let dir: string;
let scripts = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'weft-forkserver-'));
  server = createPythonServer(python, { WEFT_PYTHON_PRELOAD: 'numpy,no_such_module_here' });
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

async function runPython(code: string, opts: { env?: Record<string, string>; signal?: AbortSignal; onOutput?: (chunk: string) => void } = {}) {
  const script = path.join(dir, `step${scripts++}.py`);
  await writeFile(script, code);
  let output = '';
  const result: TProcessResult = await server.run({
    script,
    cwd: dir,
    env: stepEnvironment(opts.env ?? {}, { python, workDir: dir }),
    signal: opts.signal ?? new AbortController().signal,
    onOutput: (chunk) => {
      output += chunk;
      opts.onOutput?.(chunk);
    },
  });
  return { ...result, output };
}

const until = (condition: () => boolean, timeoutMs: number) => waitFor(async () => condition(), Boolean, { timeoutMs });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('warm python (fork server)', () => {
  it('runs a script as __main__ with exactly the step environment, its cwd and preloaded modules', async () => {
    process.env.WEFT_TEST_WORKER_SECRET = 'must-not-leak';
    const result = await runPython(
      [
        'import os, sys',
        'print("main" if __name__ == "__main__" else "imported")',
        'print(os.getcwd(), sys.argv[0].endswith(".py"))',
        'print("numpy preloaded", "numpy" in sys.modules)',
        'print("secret", os.environ.get("WEFT_TEST_WORKER_SECRET"), "mine", os.environ.get("MINE"))',
        'print("environ file clean", b"must-not-leak" not in open("/proc/self/environ", "rb").read())',
        'print("own group", os.getpgid(0) == os.getpid())',
        'import weft_step',
        'print("helper", weft_step.__name__, file=sys.stderr)',
      ].join('\n'),
      { env: { MINE: 'yes' } },
    );
    delete process.env.WEFT_TEST_WORKER_SECRET;
    expect(result).toMatchObject({ exitCode: 0, signal: null });
    expect(result.output).toContain('main\n');
    expect(result.output).toContain(`${dir} True`);
    expect(result.output).toContain('numpy preloaded True');
    expect(result.output).toContain('secret None mine yes');
    expect(result.output).toContain('environ file clean True');
    expect(result.output).toContain('own group True');
    expect(result.output).toContain('helper weft_step');
  });

  it('reports exit codes, uncaught exceptions and signals as a process would', async () => {
    expect(await runPython('import sys\nsys.exit(3)')).toMatchObject({ exitCode: 3, signal: null });
    const raised = await runPython('raise ValueError("bad data")');
    expect(raised).toMatchObject({ exitCode: 1, signal: null });
    expect(raised.output).toMatch(/Traceback[\s\S]*ValueError: bad data/);
    expect(await runPython('import os, signal\nos.kill(os.getpid(), signal.SIGKILL)')).toMatchObject({ exitCode: null, signal: 'SIGKILL' });
    expect(await runPython('import atexit\natexit.register(lambda: print("flushed at exit"))')).toMatchObject({ exitCode: 0, output: 'flushed at exit\n' });
  });

  it('execs a program (shell steps) in its own group, with the step environment', async () => {
    let output = '';
    const result = await server.run({
      argv: ['bash', '-e', '-c', 'echo "$MINE $(pwd) $$ $(ps -o pgid= $$ | tr -d " ")"; false; echo unreachable'],
      cwd: dir,
      env: stepEnvironment({ MINE: 'shell' }, { python, workDir: dir }),
      signal: new AbortController().signal,
      onOutput: (chunk) => (output += chunk),
    });
    expect(result).toEqual({ exitCode: 1, signal: null });
    const [mine, cwd, pid, pgid] = output.trim().split(' ');
    expect([mine, cwd, pgid]).toEqual(['shell', dir, pid]);
    expect(output).not.toContain('unreachable');
  });

  it('gives every step its own random numbers', async () => {
    const draws = await Promise.all([0, 1].map(() => runPython('import random, numpy\nprint(random.random(), numpy.random.rand())')));
    expect(draws[0]!.output).not.toEqual(draws[1]!.output);
  });

  it('runs steps side by side without mixing their output, numpy threads included', async () => {
    const results = await Promise.all(
      [0, 1, 2, 3].map((i) => runPython(`import numpy\na = numpy.ones((400, 400))\nfor k in range(3):\n    print("step ${i} line", k, int((a @ a)[0, 0]))`)),
    );
    results.forEach((r, i) => expect(r.output).toBe([0, 1, 2].map((k) => `step ${i} line ${k} 400\n`).join('')));
  });

  it('cancelling kills the step and everything it started', async () => {
    const abort = new AbortController();
    let grandchild = 0;
    const running = runPython('import subprocess, time\np = subprocess.Popen(["sleep", "60"])\nprint(p.pid, flush=True)\ntime.sleep(60)', {
      signal: abort.signal,
      onOutput: (chunk) => (grandchild = Number(chunk.trim())),
    });
    await until(() => grandchild > 0, 10_000);
    abort.abort();
    expect(await running).toMatchObject({ signal: 'SIGKILL' });
    await until(() => !alive(grandchild), 5_000);
  });

  it('a server that dies fails its running steps, and the next step starts a new one', async () => {
    let serverPid = 0;
    const running = runPython('import os, time\nprint(os.getppid(), flush=True)\ntime.sleep(60)', { onOutput: (chunk) => (serverPid = Number(chunk.trim())) });
    await until(() => serverPid > 0, 10_000);
    process.kill(serverPid, 'SIGKILL');
    await expect(running).rejects.toThrow(/warm Python exited/);
    expect(await runPython('print("again")')).toMatchObject({ exitCode: 0, output: 'again\n' });
  });

  it('closing the server kills the steps still running', async () => {
    const own = createPythonServer(python, { WEFT_PYTHON_PRELOAD: '' });
    const script = path.join(dir, 'long.py');
    await writeFile(script, 'import os, time\nprint(os.getpid(), flush=True)\ntime.sleep(60)');
    let pid = 0;
    const running = own.run({ script, cwd: dir, env: stepEnvironment({}, { python, workDir: dir }), signal: new AbortController().signal, onOutput: (chunk) => (pid = Number(chunk.trim())) });
    await until(() => pid > 0, 10_000);
    own.close();
    await expect(running).rejects.toThrow(/warm Python exited/);
    await until(() => !alive(pid), 5_000);
  });
});
