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
import { openStoredFile } from './open-stored-file';
import { ownerIs } from './owner-filter';

export type TDownload = { name: string; size: number; mediaType: string; sha256: string; stream: Readable };

/** GET mlflow-artifacts/artifacts/<path>: the file's bytes from the store, streamed (openStoredFile). */
export async function downloadArtifact(db: TDatabase, caller: TTrackingCaller, request: { store: ArtifactStore; path: string }): Promise<TDownload> {
  const target = artifactTarget(checkArtifactPath(request.path, 'path'), 'path');
  const owner = await artifactOwner(db, caller, target, 'read');
  const [row] = await db
    .select()
    .from(trackingArtifacts)
    .where(and(ownerIs(owner), eq(trackingArtifacts.path, target.file)));
  if (!row) throw new AppError('NOT_FOUND', `Artifact ${target.file || '(root)'} not found (a directory is listed, not downloaded)`);
  const meta = { name: path.posix.basename(row.path), size: row.size, mediaType: row.mediaType, sha256: row.sha256 };
  return { ...meta, stream: await openStoredFile(request.store, row.sha256) };
}
