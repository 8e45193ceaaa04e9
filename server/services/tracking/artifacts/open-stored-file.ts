import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { ArtifactStore } from '../../../../workflows/artifacts/store';

/**
 * A stored file's bytes as a stream: a local store hands its own (hash-checked) file; another
 * store's copy goes to a temp file first, removed once the stream closes.
 */
export async function openStoredFile(store: ArtifactStore, sha256: string): Promise<Readable> {
  if (store.readOnlyPath) return createReadStream(await store.readOnlyPath(sha256));
  const dir = await mkdtemp(path.join(tmpdir(), 'weft-artifact-download-'));
  try {
    const file = path.join(dir, 'file');
    await store.getFile(sha256, file);
    const stream = createReadStream(file);
    stream.once('close', () => {
      rm(dir, { recursive: true, force: true }).catch((error: unknown) => console.error('[weft] artifact download: temp file left behind:', error));
    });
    return stream;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
