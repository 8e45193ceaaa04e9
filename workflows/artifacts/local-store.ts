import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeHashed } from './hashing-copy';
import { ArtifactNotFoundError, assertSha256, type ArtifactStore, type TArtifactRef } from './types';

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/**
 * Artifacts as read-only files under `<root>/sha256/<first two hex>/<hash>`. The two-character
 * fan-out keeps directories small; read-only because a step's inputs are hard links to these
 * very files, and a step that wrote to its input would otherwise change the stored artifact.
 */
export class LocalArtifactStore implements ArtifactStore {
  constructor(readonly root: string) {}

  pathOf(hash: string): string {
    assertSha256(hash);
    return path.join(this.root, 'sha256', hash.slice(0, 2), hash);
  }

  async putFile(file: string): Promise<TArtifactRef> {
    // The hash is known only once the content is written, so the temp file cannot sit in its
    // final directory; <root>/tmp is on the same filesystem, which keeps the rename atomic.
    const tmpDir = path.join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    try {
      const ref = await writeHashed(createReadStream(file), tmp, 0o444);
      const final = this.pathOf(ref.hash);
      if (!(await this.has(ref.hash))) {
        await mkdir(path.dirname(final), { recursive: true });
        // Concurrent puts of the same content each rename a complete file over the same name:
        // a reader sees one whole copy or the other, never a partial one.
        await rename(tmp, final);
      }
      return ref;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  async getFile(hash: string, dest: string): Promise<void> {
    const source = this.pathOf(hash);
    await mkdir(path.dirname(dest), { recursive: true });
    const tmp = `${dest}.${randomUUID()}.part`;
    try {
      try {
        await link(source, tmp); // no copy of a large artifact when store and scratch share a disk
      } catch (error) {
        if (errorCode(error) === 'ENOENT') throw new ArtifactNotFoundError(hash);
        try {
          await copyFile(source, tmp); // another filesystem (EXDEV) or no hard links there
        } catch (copyError) {
          if (errorCode(copyError) === 'ENOENT') throw new ArtifactNotFoundError(hash);
          throw copyError;
        }
      }
      await rename(tmp, dest);
    } finally {
      await rm(tmp, { force: true });
    }
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
