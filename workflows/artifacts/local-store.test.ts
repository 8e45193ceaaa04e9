import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LocalArtifactStore } from './local-store';
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

  it('hard-links into the same filesystem and copies across filesystems', async () => {
    const ref = await store().putFile(fileURLToPath(import.meta.url));
    const stored = await stat(store().pathOf(ref.hash));
    const linked = path.join(tempDir(), 'linked', 'me.ts');
    await store().getFile(ref.hash, linked);
    expect((await stat(linked)).ino).toBe(stored.ino);
    // /dev/shm is a tmpfs on Linux: a link there fails with EXDEV and the store copies instead.
    if (existsSync('/dev/shm') && (await stat('/dev/shm')).dev !== stored.dev) {
      const dir = await mkdtemp('/dev/shm/weft-');
      try {
        await store().getFile(ref.hash, path.join(dir, 'me.ts'));
        expect((await stat(path.join(dir, 'me.ts'))).size).toBe(ref.size);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
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
