import { asc, inArray } from 'drizzle-orm';
import { trackingArtifacts } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { findProjectRuns } from './project-experiment';
import { previewKind } from './preview/preview-kind';

/** Every artifact file of some tracking runs (a Weft run's parent and step runs), by run then path, with what its preview would be. */
export async function runArtifacts(db: TDbOrTx, projectId: string, runUuids: string[]) {
  await findProjectRuns(db, projectId, runUuids);
  if (!runUuids.length) return [];
  const rows = await db
    .select({ runUuid: trackingArtifacts.runUuid, path: trackingArtifacts.path, size: trackingArtifacts.size, mediaType: trackingArtifacts.mediaType, createdAt: trackingArtifacts.createdAt })
    .from(trackingArtifacts)
    .where(inArray(trackingArtifacts.runUuid, runUuids))
    .orderBy(asc(trackingArtifacts.runUuid), asc(trackingArtifacts.path));
  return rows.map((r) => ({ ...r, runUuid: r.runUuid!, preview: previewKind(r.path, r.mediaType) }));
}
