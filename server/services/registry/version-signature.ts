import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { trackingArtifacts, trackingLoggedModels } from '../../../drizzle/schema';
import type { ArtifactStore } from '../../../workflows/artifacts/store';
import type { TDatabase } from '../../db/client';
import { findProjectVersion } from './find-project-version';
import { mlmodelSignature, type TModelSignature } from './mlmodel-signature';

/** An MLmodel file is a few KB; one far larger is not read into memory for a card. */
const MAX_MLMODEL_BYTES = 1024 * 1024;

type TFile = { sha256: string; size: number };

/** Where the version's MLmodel file is: under its `runs:/` path, in its `models:/` logged model, or in the logged model its source run wrote. */
async function mlmodelFile(db: TDatabase, version: { source: string; runId: string | null }): Promise<TFile | undefined> {
  const file = { sha256: trackingArtifacts.sha256, size: trackingArtifacts.size };
  const runPath = version.source.match(/^runs:\/([\w-]+)\/(.+?)\/*$/);
  if (runPath) {
    const [found] = await db.select(file).from(trackingArtifacts).where(and(eq(trackingArtifacts.runUuid, runPath[1]!), eq(trackingArtifacts.path, `${runPath[2]}/MLmodel`)));
    if (found) return found;
  }
  const logged = version.source.match(/^models:\/(m-[0-9a-f]+)\/?$/)?.[1];
  const [model] = logged
    ? [{ modelId: logged }]
    : version.runId
      ? await db.select({ modelId: trackingLoggedModels.modelId }).from(trackingLoggedModels).where(eq(trackingLoggedModels.sourceRunUuid, version.runId)).orderBy(desc(trackingLoggedModels.creationTime)).limit(1)
      : [];
  if (!model) return undefined;
  const [found] = await db.select(file).from(trackingArtifacts).where(and(eq(trackingArtifacts.modelId, model.modelId), eq(trackingArtifacts.path, 'MLmodel')));
  return found;
}

/** A version's signature, read from its MLmodel file in the artifact store; null when it has none (or no MLmodel was logged). */
export async function versionSignature(deps: { db: TDatabase; store: ArtifactStore }, params: { projectId: string; name: string; version: number }): Promise<TModelSignature | null> {
  const { version } = await findProjectVersion(deps.db, params);
  const file = await mlmodelFile(deps.db, version);
  if (!file || file.size > MAX_MLMODEL_BYTES) return null;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'weft-mlmodel-'));
  try {
    await deps.store.getFile(file.sha256, path.join(dir, 'MLmodel'));
    return mlmodelSignature(await readFile(path.join(dir, 'MLmodel'), 'utf8'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
