import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LocalArtifactStore } from './local-store';
import { ArtifactCorruptError } from './types';
import { createArtifactStore } from './store';
import { sha256, storeContract, useTempDir } from './store-contract';

const tempDir = useTempDir('weft-local-store-');
const store = () => new LocalArtifactStore(path.join(tempDir(), 'store'));

describe('LocalArtifactStore', () => {
  storeContract(store, tempDir);

  it('lays files out as sha256/<xx>/<hash>, read-only, leaving no temp files', async () => {
    const ref = await store().putFile(fileURLToPath(import.meta.url));
    const file = path.join(tempDir(), 'store', 'sha256', ref.hash.slice(0, 2), ref.hash);
    expect((await stat(file)).mode & 0o777).toBe(0o444);
    expect(await readdir(path.join(tempDir(), 'store', 'tmp'))).toEqual([]);
  });

  it('hands out copies, never the stored file: writing to one leaves the store intact', async () => {
    const ref = await store().putFile(fileURLToPath(import.meta.url));
    const stored = await stat(store().pathOf(ref.hash));
    const copy = path.join(tempDir(), 'copied', 'me.ts');
    await store().getFile(ref.hash, copy);
    const got = await stat(copy);
    expect(got.ino).not.toBe(stored.ino); // a hard link would be the stored file itself
    expect(got.mode & 0o777).toBe(0o444);
    await chmod(copy, 0o644);
    await writeFile(copy, 'tampered');
    expect(sha256(await readFile(store().pathOf(ref.hash), 'utf8'))).toBe(ref.hash);
  });

  it('refuses a stored file whose content no longer matches its hash, as a copy and as a mount', async () => {
    const source = path.join(tempDir(), 'victim.txt');
    await writeFile(source, 'the real model');
    const one = store(); // one worker's store: its check of a file holds until the file changes
    const ref = await one.putFile(source);
    expect(await one.readOnlyPath(ref.hash)).toBe(one.pathOf(ref.hash));
    // someone with write access to the store (not a step: it has none) changes the bytes
    await chmod(one.pathOf(ref.hash), 0o644);
    await writeFile(one.pathOf(ref.hash), 'a poisoned model');
    await expect(one.getFile(ref.hash, path.join(tempDir(), 'out', 'v.txt'))).rejects.toBeInstanceOf(ArtifactCorruptError);
    await expect(one.readOnlyPath(ref.hash)).rejects.toBeInstanceOf(ArtifactCorruptError);
    expect(existsSync(path.join(tempDir(), 'out', 'v.txt'))).toBe(false);
  });

  it('streams a 60 MB file without holding it in memory', async () => {
    const big = path.join(tempDir(), 'big.bin');
    const hash = createHash('sha256');
    const out = createWriteStream(big);
    for (let i = 0; i < 60; i++) {
      const chunk = randomBytes(1024 * 1024);
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');

    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = performance.now();
    const ref = await store().putFile(big);
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`[artifacts] put 60 MB in ${ms.toFixed(0)} ms; RSS growth ${((peak - before) / 2 ** 20).toFixed(1)} MB`);

    expect(ref).toEqual({ hash: hash.digest('hex'), size: 60 * 1024 * 1024 });
    expect(peak - before).toBeLessThan(40 * 2 ** 20);
  });
});

describe('createArtifactStore', () => {
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

  it('is local by default, in .weft/artifacts of the repo', () => {
    const s = createArtifactStore({});
    expect(s).toBeInstanceOf(LocalArtifactStore);
    expect((s as LocalArtifactStore).root).toBe(path.join(repoRoot, '.weft', 'artifacts'));
  });

  it('resolves a relative WEFT_ARTIFACTS_DIR against the repo root', async () => {
    expect((createArtifactStore({ WEFT_ARTIFACTS_DIR: 'x/y' }) as LocalArtifactStore).root).toBe(path.join(repoRoot, 'x', 'y'));
    const s = createArtifactStore({ WEFT_ARTIFACTS_DIR: path.join(tempDir(), 'configured') });
    const ref = await s.putFile(fileURLToPath(import.meta.url));
    expect(ref.hash).toBe(sha256(await readFile(fileURLToPath(import.meta.url))));
    expect(await createArtifactStore({ WEFT_ARTIFACTS_DIR: path.join(tempDir(), 'configured') }).has(ref.hash)).toBe(true);
  });

  it('refuses a malformed S3 endpoint', () => {
    expect(() => createArtifactStore({ WEFT_ARTIFACTS_S3_BUCKET: 'b', WEFT_ARTIFACTS_S3_ENDPOINT: 'not a url' })).toThrow(/must be a URL/);
  });
});
