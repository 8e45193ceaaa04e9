import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactStore, TArtifactRef } from '../artifacts/types';
import { ArtifactNotFoundError } from '../artifacts/types';
import { handOverInputs } from '../artifacts/step-io';
import type { TPoolStep } from '../contract/activities';
import { libraryArtifactReads, type TParameterValue } from '../dsl';

/** Why a step cannot read the artifact it names by hash: retrying cannot change it. */
export class StoreReadError extends Error {
  override name = 'StoreReadError';
}

/**
 * Hands a step the stored artifacts it reads by hash (Load dataset's artifact source; see
 * libraryArtifactReads) the way upstream inputs are handed over: read-only, checked against their
 * hash, at `<dir>/<hash>`. Returns what the step's input file lists (hash → path), the sandbox's
 * extra mounts, and what it read by name with sizes, for the step's lineage.
 */
export async function handOverStoreReads(store: ArtifactStore, step: TPoolStep, params: Record<string, TParameterValue>, dir: string, opts: { mount: boolean }) {
  const reads = step.executor === 'python_library' ? libraryArtifactReads(step.config, params) : [];
  if ('error' in reads) throw new StoreReadError(`Artifact source: ${reads.error}`);
  const files = reads.map((r) => ({ dest: path.join(dir, r.hash), hash: r.hash }));
  let mounts: { source: string; dest: string }[];
  try {
    mounts = await handOverInputs(store, files, opts);
  } catch (error) {
    if (error instanceof ArtifactNotFoundError) throw new StoreReadError(`Artifact source: ${error.message}`);
    throw error;
  }
  const read: Record<string, TArtifactRef> = {};
  for (const [i, r] of reads.entries()) {
    const onDisk = mounts.find((m) => m.dest === files[i]!.dest)?.source ?? files[i]!.dest;
    read[r.name] = { hash: r.hash, size: (await stat(onDisk)).size };
  }
  return { paths: Object.fromEntries(files.map((f) => [f.hash, f.dest])), mounts, read: reads.length > 0 ? read : undefined };
}
