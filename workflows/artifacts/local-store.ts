import { createHash, randomUUID } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { chmod, copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ArtifactCorruptError, ArtifactNotFoundError, assertSha256, type ArtifactStore, type TArtifactRef } from './types';

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/**
 * Artifacts as read-only files under `<root>/sha256/<first two hex>/<hash>`, owned by the worker.
 * The two-character fan-out keeps directories small; directories are 0711 (a step's uid cannot
 * list them) and files 0444, and nothing handed to a step is the stored file itself with write
 * access: a step gets a read-only bind mount of it (in a sandbox) or a verified copy.
 */
export class LocalArtifactStore implements ArtifactStore {
  /** hash -> the stat of the stored file when its content was last checked against the hash */
  private readonly verified = new Map<string, string>();

  constructor(readonly root: string) {}

  pathOf(hash: string): string {
    assertSha256(hash);
    return path.join(this.root, 'sha256', hash.slice(0, 2), hash);
  }

  async putFile(file: string): Promise<TArtifactRef> {
    // The hash is known only once the content is written, so the temp file cannot sit in its
    // final directory; <root>/tmp is on the same filesystem, which keeps the rename atomic.
    const tmpDir = path.join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true, mode: PRIVATE_DIR });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    try {
      // A kernel copy into the store's private tmp (which nothing else can write), then the hash of
      // that copy: what is hashed is what is stored, whatever the source does meanwhile. (Hashing
      // while copying through JS streams took 4 s for 1 GiB; this takes well under 2 s.)
      await copyFile(file, tmp);
      const ref = await hashFile(tmp);
      await durable(tmp, 0o444);
      const final = this.pathOf(ref.hash);
      if (!(await this.has(ref.hash))) {
        await mkdir(path.dirname(final), { recursive: true, mode: PRIVATE_DIR });
        // Concurrent puts of the same content each rename a complete file over the same name:
        // a reader sees one whole copy or the other, never a partial one.
        await rename(tmp, final);
      }
      return ref;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  /** A copy at dest (0444), hashed as it is read: a stored file that no longer matches its name is refused. */
  async getFile(hash: string, dest: string): Promise<void> {
    const source = this.pathOf(hash);
    await mkdir(path.dirname(dest), { recursive: true });
    const tmp = `${dest}.${randomUUID()}.part`;
    try {
      try {
        await copyFile(source, tmp, constants.COPYFILE_FICLONE); // a reflink where the filesystem has them
      } catch (error) {
        if (errorCode(error) === 'ENOENT') throw new ArtifactNotFoundError(hash);
        throw error;
      }
      // the copy is checked, not the source: the step gets exactly what was checked
      const got = await hashFile(tmp);
      if (got.hash !== hash) throw new ArtifactCorruptError(hash, got.hash);
      await chmod(tmp, 0o444);
      await rename(tmp, dest);
    } finally {
      await rm(tmp, { force: true });
    }
  }

  /**
   * The stored file itself, for a read-only bind mount, once its content is checked against its
   * hash. A check holds while the file's inode, size and change time stay the same (any write or
   * chmod changes the change time), so a large input is hashed once per worker, not per step.
   */
  async readOnlyPath(hash: string): Promise<string> {
    const file = this.pathOf(hash);
    const stamp = await statStamp(file).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') throw new ArtifactNotFoundError(hash);
      throw error;
    });
    if (this.verified.get(hash) === stamp) return file;
    const got = await hashFile(file);
    if (got.hash !== hash) throw new ArtifactCorruptError(hash, got.hash);
    this.verified.set(hash, stamp);
    return file;
  }

  async has(hash: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(hash))).isFile();
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
  }
}

/** Store directories: the worker enters them; a step's uid may pass through but not list them. */
const PRIVATE_DIR = 0o711;

async function statStamp(file: string): Promise<string> {
  const s = await stat(file, { bigint: true });
  return `${s.dev}:${s.ino}:${s.size}:${s.ctimeNs}:${s.mtimeNs}`;
}

/** sha256 and size of a file, read in 1 MiB chunks (OpenSSL hashes ~1 GB/s here; 64 KiB chunks cost more in JS than in hashing). */
async function hashFile(file: string): Promise<TArtifactRef> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).byteLength;
  }
  return { hash: hash.digest('hex'), size };
}

/**
 * Read-only and on disk before it is renamed into the store: a store entry that a crash left
 * empty would be trusted forever.
 */
async function durable(file: string, mode: number): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
