// Shared by the local and S3 store tests: every ArtifactStore must pass the same round trip.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ArtifactNotFoundError, type ArtifactStore } from './store';

export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** A fresh temp directory per test file, removed afterwards. */
export function useTempDir(prefix: string): () => string {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

export function storeContract(getStore: () => ArtifactStore, tempDir: () => string) {
  const source = async (name: string, content: Uint8Array | string) => {
    const file = path.join(tempDir(), 'src', name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    return file;
  };

  it('round-trips a file by content, creating the destination directories', async () => {
    const content = randomBytes(100_000);
    const ref = await getStore().putFile(await source('a.bin', content));
    expect(ref).toEqual({ hash: sha256(content), size: content.length });
    expect(await getStore().has(ref.hash)).toBe(true);
    const dest = path.join(tempDir(), 'out', 'deep', 'er', 'a.bin');
    await getStore().getFile(ref.hash, dest);
    expect((await readFile(dest)).equals(content)).toBe(true);
    // Overwrites an existing destination.
    await getStore().getFile(ref.hash, dest);
    expect((await stat(dest)).size).toBe(content.length);
  });

  it('stores an empty file', async () => {
    const ref = await getStore().putFile(await source('empty', ''));
    expect(ref).toEqual({ hash: sha256(''), size: 0 });
    const dest = path.join(tempDir(), 'out', 'empty');
    await getStore().getFile(ref.hash, dest);
    expect((await stat(dest)).size).toBe(0);
  });

  it('is idempotent, including for concurrent puts of the same content', async () => {
    const content = randomBytes(3 * 1024 * 1024);
    const files = await Promise.all([0, 1, 2, 3].map((i) => source(`same-${i}`, content)));
    const first = await getStore().putFile(files[0]!);
    expect(await getStore().putFile(files[0]!)).toEqual(first);
    const refs = await Promise.all([...files, ...files].map((file) => getStore().putFile(file)));
    for (const ref of refs) expect(ref).toEqual(first);
    const dest = path.join(tempDir(), 'out', 'same');
    await getStore().getFile(first.hash, dest);
    expect(sha256(await readFile(dest))).toBe(first.hash);
  });

  it('throws ArtifactNotFoundError for a missing hash, and refuses malformed hashes', async () => {
    const missing = sha256('never stored ' + Math.random());
    expect(await getStore().has(missing)).toBe(false);
    await expect(getStore().getFile(missing, path.join(tempDir(), 'out', 'missing'))).rejects.toBeInstanceOf(ArtifactNotFoundError);
    await expect(getStore().getFile('../../etc/passwd', path.join(tempDir(), 'out', 'x'))).rejects.toThrow(/Not a sha256/);
    await expect(getStore().has('ABC')).rejects.toThrow(/Not a sha256/);
  });
}
