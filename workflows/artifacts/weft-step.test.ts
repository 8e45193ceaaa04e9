// weft_step.py driven by the real step interpreter, its events and outputs read back by the TS side.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LocalArtifactStore } from './local-store';
import { collectOutputs, materializeInputs, readStepEvents } from './step-io';
import { sha256, useTempDir } from './store-contract';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const python = path.resolve(repoRoot, process.env.WEFT_PYTHON ?? '.weft/python/steps/bin/python');
const pythonLib = path.join(repoRoot, 'workflows', 'executors', 'python-lib');
// A clean environment, as a step gets; no __pycache__ left in the source tree.
const stepEnv = (extra: Record<string, string> = {}) =>
  ({ PATH: process.env.PATH ?? '/usr/bin:/bin', PYTHONDONTWRITEBYTECODE: '1', ...extra }) as Record<string, string> as NodeJS.ProcessEnv;

const tempDir = useTempDir('weft-step-py-');

describe('weft_step.py', () => {
  it('passes its own unit tests', async () => {
    const { stderr } = await run(python, ['-m', 'unittest', '-v', 'test_weft_step'], { cwd: pythonLib, env: stepEnv() });
    expect(stderr).toMatch(/\nOK\s*$/);
  });

  it('reads inputs and params, writes outputs and metrics that the worker side collects', async () => {
    const store = new LocalArtifactStore(path.join(tempDir(), 'store'));
    const upstream = path.join(tempDir(), 'upstream');
    await mkdir(upstream);
    await writeFile(path.join(upstream, 'data.csv'), 'x\n1\n2\n3\n');
    const inputs = await materializeInputs(store, { load: await collectOutputs(store, upstream) }, path.join(tempDir(), 'in'));

    const input = path.join(tempDir(), 'input.json');
    await writeFile(input, JSON.stringify({ params: { scale: 10 }, config: { label: 'x' }, inputs }));
    const script = path.join(tempDir(), 'main.py');
    await writeFile(
      script,
      [
        'import weft_step as weft',
        'rows = open(weft.input_path("data.csv")).read().split()[1:]',
        'total = sum(int(r) for r in rows) * weft.params()["scale"]',
        'for i, r in enumerate(rows):',
        '    weft.progress((i + 1) / len(rows), "row %d" % (i + 1))',
        '    weft.log_metric("running_total", int(r))',
        'weft.log_metric("total", total)',
        'with open(weft.output_path("total.txt"), "w") as f:',
        '    f.write(weft.config()["label"] + "=" + str(total))',
        'print("done")',
      ].join('\n'),
    );
    const events = path.join(tempDir(), 'events.jsonl');
    const outDir = path.join(tempDir(), 'out');
    const { stdout } = await run(python, [script], {
      cwd: tempDir(),
      env: stepEnv({ PYTHONPATH: pythonLib, WEFT_INPUT: input, WEFT_OUTPUT_DIR: outDir, WEFT_EVENTS: events }),
    });
    expect(stdout).toBe('done\n');

    expect(await readStepEvents(events)).toEqual({ metrics: { running_total: 3, total: 60 }, progress: { fraction: 1, message: 'row 3' } });
    const outputs = await collectOutputs(store, outDir);
    expect(outputs).toEqual({ 'total.txt': { hash: sha256('x=60'), size: 4 } });
    await store.getFile(outputs['total.txt']!.hash, path.join(tempDir(), 'check.txt'));
    expect(await readFile(path.join(tempDir(), 'check.txt'), 'utf8')).toBe('x=60');
  });
});
