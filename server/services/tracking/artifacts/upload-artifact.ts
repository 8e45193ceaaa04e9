import { sql } from 'drizzle-orm';
import { trackingArtifacts } from '../../../../drizzle/schema';
import type { ArtifactStore } from '../../../../workflows/artifacts/store';
import type { TDatabase } from '../../../db/client';
import { AppError } from '../../../errors';
import type { TTrackingCaller } from '../tracking-access';
import { artifactOwner } from './artifact-owner';
import { artifactTarget, checkArtifactPath } from './artifact-path';
import { withSpooledUpload } from './spool-upload';

export type TUpload = { store: ArtifactStore; maxBytes: number; path: string; mediaType: string; body: AsyncIterable<Uint8Array> };

/**
 * PUT mlflow-artifacts/artifacts/<path>: the body goes into the content-addressed store and the
 * (run or logged model, path) row points at it; uploading to a path again replaces what it names.
 */
export async function uploadArtifact(db: TDatabase, caller: TTrackingCaller, upload: TUpload) {
  const target = artifactTarget(checkArtifactPath(upload.path, 'path'), 'path');
  if (!target.file) throw new AppError('BAD_REQUEST', 'path: names the artifact root, not a file in it');
  // checked before the body is read: a refused caller never costs a spooled upload
  const owner = await artifactOwner(db, caller, target, 'write');
  const ref = await withSpooledUpload(upload.body, upload.maxBytes, (file) => upload.store.putFile(file));
  await db
    .insert(trackingArtifacts)
    .values({ ...owner, path: target.file, sha256: ref.hash, size: ref.size, mediaType: upload.mediaType })
    .onConflictDoUpdate({
      target: owner.runUuid === null ? [trackingArtifacts.modelId, trackingArtifacts.path] : [trackingArtifacts.runUuid, trackingArtifacts.path],
      targetWhere: owner.runUuid === null ? sql`${trackingArtifacts.modelId} is not null` : sql`${trackingArtifacts.runUuid} is not null`,
      set: { sha256: ref.hash, size: ref.size, mediaType: upload.mediaType, createdAt: sql`now()` },
    });
  return {};
}
