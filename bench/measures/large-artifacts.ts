// 10. Large artifacts through the pool worker's own code: storing a step's 1 GB output, and
// handing a 1 GB input to a step (a read-only bind mount in bubblewrap, else a checked copy),
// beside what the hard link handed out before artifacts were made immutable.
import { randomBytes } from 'node:crypto';
import { chown, link, mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { LocalArtifactStore } from '../../workflows/artifacts/local-store';
import { collectOutputs, handOverInputs } from '../../workflows/artifacts/step-io';
import { runChildProcess } from '../../workflows/executors/child-process';
import { createStepRuntime } from '../../workflows/executors/step-runtime';
import { benchDir } from '../lib/config';
import { report } from '../lib/report';
import { fmtMs } from '../lib/stats';
import { now } from '../lib/util';

const { rows, notes } = report;
const GIB = 1024 ** 3;
const TARGET = '< 2 s';

export async function measureLargeArtifacts(python: string): Promise<void> {
  const dir = path.join(benchDir, `large-artifacts-${process.pid}`);
  const store = new LocalArtifactStore(path.join(dir, 'store'));
  const runtime = await createStepRuntime(python);
  try {
    const outputs = path.join(dir, 'outputs');
    await writeRandomFile(path.join(outputs, 'model.bin'), GIB);
    let t = now();
    const { 'model.bin': ref } = await collectOutputs(store, outputs);
    const storeMs = now() - t;
    rows.push({ measure: 'store a step\'s 1 GiB output (kernel copy into the store, hashed, fsynced)', weft: fmtMs(storeMs), hand: '—', target: TARGET, ok: storeMs < 2_000 ? 'yes' : 'NO' });

    // what a step's attempt does with its input: hand it over, then a process in the sandbox reads its size
    const handOver = async (mount: boolean) => {
      const workDir = path.join(dir, `step-${mount ? 'mount' : 'copy'}-${now()}`);
      await mkdir(workDir, { recursive: true, mode: 0o700 });
      const identity = runtime.sandbox.take();
      try {
        if (identity) await chown(workDir, identity.uid, identity.gid);
        const dest = path.join(workDir, 'inputs', 'train', 'model.bin');
        const started = now();
        const mounts = await handOverInputs(store, [{ dest, hash: ref!.hash }], { mount });
        const view = { cwd: workDir, workDir, readOnly: [...runtime.mounts, ...mounts] };
        let out = '';
        const result = await runChildProcess({ ...runtime.sandbox.plan(['stat', '-c', '%s', dest], view, identity), cwd: workDir, env: { PATH: '/usr/bin:/bin' }, signal: new AbortController().signal, onOutput: (c) => (out += c) });
        if (result.exitCode !== 0 || Number(out.trim()) !== GIB) throw new Error(`the step did not see its 1 GiB input: ${out.trim()}`);
        return now() - started;
      } finally {
        await runtime.sandbox.release(identity);
        await rm(workDir, { recursive: true, force: true });
      }
    };
    if (runtime.sandbox.mountsInputs) {
      const first = await handOver(true);
      const again = await handOver(true);
      rows.push({ measure: 'hand a 1 GiB input to a step: read-only bind mount (bubblewrap), first use (hash checked) / later', weft: `${fmtMs(first)} / ${fmtMs(again)}`, hand: '—', target: TARGET, ok: first < 2_000 ? 'yes' : 'NO' });
    }
    const copy = await handOver(false);
    rows.push({ measure: 'hand a 1 GiB input to a step: checked copy (without bubblewrap)', weft: fmtMs(copy), hand: '—', target: TARGET, ok: copy < 2_000 ? 'yes' : 'NO' });

    t = now();
    await link(store.pathOf(ref!.hash), path.join(dir, 'hard-link'));
    rows.push({ measure: '  before: the hard link into the store that steps were given (writable by a chmod)', weft: fmtMs(now() - t), hand: '—', target: 'report', ok: '' });
    notes.push(`large artifacts: ${runtime.description}`);
  } finally {
    runtime.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Incompressible bytes (a model, a parquet file), written in 8 MiB blocks. */
async function writeRandomFile(file: string, size: number): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, 'w');
  try {
    const block = randomBytes(8 * 1024 * 1024);
    for (let written = 0; written < size; written += block.length) await handle.write(block);
  } finally {
    await handle.close();
  }
}
