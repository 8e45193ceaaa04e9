import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { trackingArtifacts } from '../../../../drizzle/schema';
import type { ArtifactStore } from '../../../../workflows/artifacts/store';
import type { TDatabase } from '../../../db/client';
import { AppError } from '../../../errors';
import type { TTrackingCaller } from '../tracking-access';
import { artifactOwner } from './artifact-owner';
import { artifactTarget, checkArtifactPath } from './artifact-path';
import { ownerIs } from './owner-filter';

export type TDownload = { name: string; size: number; mediaType: string; sha256: string; stream: Readable };

/**
 * GET mlflow-artifacts/artifacts/<path>: the file's bytes from the store, streamed. A local store
 * hands its own (hash-checked) file; another store's copy goes to a temp file first, removed
 * once the stream closes.
 */
export async function downloadArtifact(db: TDatabase, caller: TTrackingCaller, request: { store: ArtifactStore; path: string }): Promise<TDownload> {
  const target = artifactTarget(checkArtifactPath(request.path, 'path'), 'path');
  const owner = await artifactOwner(db, caller, target, 'read');
  const [row] = await db
    .select()
    .from(trackingArtifacts)
    .where(and(ownerIs(owner), eq(trackingArtifacts.path, target.file)));
  if (!row) throw new AppError('NOT_FOUND', `Artifact ${target.file || '(root)'} not found (a directory is listed, not downloaded)`);
  const meta = { name: path.posix.basename(row.path), size: row.size, mediaType: row.mediaType, sha256: row.sha256 };
  if (request.store.readOnlyPath) return { ...meta, stream: createReadStream(await request.store.readOnlyPath(row.sha256)) };
  const dir = await mkdtemp(path.join(tmpdir(), 'weft-mlflow-download-'));
  try {
    const file = path.join(dir, 'file');
    await request.store.getFile(row.sha256, file);
    const stream = createReadStream(file);
    stream.once('close', () => {
      rm(dir, { recursive: true, force: true }).catch((error: unknown) => console.error('[weft] mlflow download: temp file left behind:', error));
    });
    return { ...meta, stream };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
