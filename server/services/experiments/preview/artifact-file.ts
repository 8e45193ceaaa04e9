import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { trackingArtifacts } from '../../../../drizzle/schema';
import type { ArtifactStore } from '../../../../workflows/artifacts/store';
import type { TDbOrTx } from '../../../db/client';
import { AppError } from '../../../errors';
import { findProjectRuns } from '../project-experiment';

export type TArtifactRow = typeof trackingArtifacts.$inferSelect;

/** A run's artifact at `path`, the run being the project's. */
export async function findProjectArtifact(db: TDbOrTx, projectId: string, ref: { runUuid: string; path: string }): Promise<TArtifactRow> {
  await findProjectRuns(db, projectId, [ref.runUuid]);
  const [row] = await db
    .select()
    .from(trackingArtifacts)
    .where(and(eq(trackingArtifacts.runUuid, ref.runUuid), eq(trackingArtifacts.path, ref.path)));
  if (!row) throw new AppError('NOT_FOUND', `Artifact ${ref.path} not found in run ${ref.runUuid}`);
  return row;
}

/** Runs `fn` on a local file with the artifact's bytes: the local store's own (hash-checked) file, else a temporary copy removed after. */
export async function withArtifactFile<T>(store: ArtifactStore, sha256: string, fn: (file: string) => Promise<T>): Promise<T> {
  if (store.readOnlyPath) return fn(await store.readOnlyPath(sha256));
  const dir = await mkdtemp(path.join(tmpdir(), 'weft-preview-'));
  try {
    const file = path.join(dir, 'file');
    await store.getFile(sha256, file);
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The first `bytes` of a file, and whether that is all of it. */
export async function readHead(file: string, bytes: number): Promise<{ head: Buffer; complete: boolean }> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, bytes + 1, 0);
    return { head: buffer.subarray(0, Math.min(bytesRead, bytes)), complete: bytesRead <= bytes };
  } finally {
    await handle.close();
  }
}
