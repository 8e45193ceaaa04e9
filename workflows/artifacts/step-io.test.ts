import { mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalArtifactStore } from './local-store';
import { collectOutputs, materializeInputs, readStepEvents, StepOutputsError, ZArtifactNameSchema } from './step-io';
import { sha256, useTempDir } from './store-contract';

const tempDir = useTempDir('weft-step-io-');
const store = () => new LocalArtifactStore(path.join(tempDir(), 'store'));

async function outputDir(name: string, files: Record<string, string>) {
  const dir = path.join(tempDir(), name);
  await mkdir(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(dir, file), content);
  return dir;
}

describe('ZArtifactNameSchema', () => {
  it.each(['model.pkl', 'a', 'train-data_v2.csv', 'x'.repeat(128), '__proto__'])('accepts %s', (name) => {
    expect(ZArtifactNameSchema.safeParse(name).success).toBe(true);
  });
  it.each(['', '.env', '..', 'a/b', '../x', 'a b', 'x'.repeat(129), 'é.csv', 'a\nb', 'a\\b'])('refuses %j', (name) => {
    expect(ZArtifactNameSchema.safeParse(name).success).toBe(false);
  });
});

describe('collectOutputs and materializeInputs', () => {
  it('round-trip outputs into a downstream step, as fromNode/name paths', async () => {
    const train = await outputDir('train-out', { 'model.pkl': 'weights', 'metrics.json': '{"a":1}' });
    const split = await outputDir('split-out', { 'test.csv': 'x,y\n1,2\n' });
    const outputs = { train: await collectOutputs(store(), train), split: await collectOutputs(store(), split) };
    expect(outputs.train).toEqual({
      'metrics.json': { hash: sha256('{"a":1}'), size: 7 },
      'model.pkl': { hash: sha256('weights'), size: 7 },
    });

    const inputDir = path.join(tempDir(), 'evaluate-in');
    const paths = await materializeInputs(store(), outputs, inputDir);
    expect(paths).toEqual({
      train: { 'model.pkl': path.join(inputDir, 'train', 'model.pkl'), 'metrics.json': path.join(inputDir, 'train', 'metrics.json') },
      split: { 'test.csv': path.join(inputDir, 'split', 'test.csv') },
    });
    expect(await readFile(paths.train!['model.pkl']!, 'utf8')).toBe('weights');
    expect(await readFile(paths.split!['test.csv']!, 'utf8')).toBe('x,y\n1,2\n');
  });

  it('collects nothing from an empty or missing output directory', async () => {
    expect(await collectOutputs(store(), await outputDir('empty-out', {}))).toEqual({});
    expect(await collectOutputs(store(), path.join(tempDir(), 'never-made'))).toEqual({});
  });

  it('refuses subdirectories, naming them', async () => {
    const dir = await outputDir('nested-out', { 'ok.txt': 'ok' });
    await mkdir(path.join(dir, 'checkpoints'));
    await mkdir(path.join(dir, 'plots'));
    const error = await collectOutputs(store(), dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepOutputsError);
    expect((error as Error).message).toMatch(/subdirectories found: "checkpoints", "plots"/);
  });

  it('refuses bad names and symlinks, naming them', async () => {
    const dir = await outputDir('bad-out', { '.hidden': 'x', 'has space.txt': 'x', 'ok.txt': 'x' });
    await expect(collectOutputs(store(), dir)).rejects.toThrow(/Invalid output names: "\.hidden", "has space\.txt"/);
    const linked = await outputDir('link-out', {});
    await symlink('/etc/hostname', path.join(linked, 'host'));
    await expect(collectOutputs(store(), linked)).rejects.toThrow(/not regular files: "host"/);
  });

  it('refuses input node ids and names that would leave the input directory', async () => {
    const ref = { hash: sha256('x'), size: 1 };
    const dir = path.join(tempDir(), 'escape-in');
    await expect(materializeInputs(store(), { '..': { a: ref } }, dir)).rejects.toThrow();
    await expect(materializeInputs(store(), { n: { '../a': ref } }, dir)).rejects.toThrow();
    await expect(stat(path.join(tempDir(), 'a'))).rejects.toThrow();
  });
});

describe('readStepEvents', () => {
  it('keeps the last finite value per metric and the latest progress, skipping malformed lines', async () => {
    const file = path.join(tempDir(), 'events.jsonl');
    const lines = [
      { type: 'metric', key: 'loss', value: 0.9, at: 't' },
      { type: 'progress', fraction: 0.5, message: 'epoch 1' },
      'not json',
      '{"type":"metric","key":"loss","value":NaN}',
      '{"type":"metric","key":"loss","value":Infinity}',
      { type: 'metric', key: 'loss', value: '0.1' },
      { type: 'metric', key: '', value: 1 },
      { type: 'progress', fraction: 2 },
      { type: 'mystery', key: 'x', value: 1 },
      [1, 2],
      { type: 'metric', key: 'loss', value: 0.4 },
      { type: 'metric', key: 'accuracy', value: 0.8 },
      { type: 'metric', key: '__proto__', value: 1 },
      { type: 'progress', fraction: 1 },
      '{"type":"metric","key":"loss","val', // torn last line of a killed step
    ];
    await writeFile(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
    const events = await readStepEvents(file);
    expect(events.progress).toEqual({ fraction: 1, message: '' });
    expect(Object.keys(events.metrics).sort()).toEqual(['__proto__', 'accuracy', 'loss']);
    expect(events.metrics.loss).toBe(0.4);
    expect(events.metrics.accuracy).toBe(0.8);
  });

  it('reads a missing file as no events', async () => {
    expect(await readStepEvents(path.join(tempDir(), 'nope.jsonl'))).toEqual({ metrics: {}, progress: null });
  });
});
