import type { TArtifactRef } from '../dsl';

export type { TArtifactRef };

/**
 * Where step outputs live, addressed by the sha256 of their content: the same bytes are stored
 * once, and a hash names exactly one content, so a cached step can hand its old refs downstream.
 */
export interface ArtifactStore {
  /** Stores a file by content (streamed: a 50 MB+ file never sits in memory); idempotent. */
  putFile(path: string): Promise<TArtifactRef>;
  /** Writes a copy of the artifact to dest (creating parent dirs), checked against its hash; throws ArtifactNotFoundError if absent. */
  getFile(hash: string, dest: string): Promise<void>;
  /** A local store's own file, checked against its hash, for a read-only bind mount (no copy). */
  readOnlyPath?(hash: string): Promise<string>;
  has(hash: string): Promise<boolean>;
}

/** A stored artifact whose bytes no longer hash to its name: never handed to a step. */
export class ArtifactCorruptError extends Error {
  constructor(readonly hash: string, readonly actual: string) {
    super(`Artifact sha256:${hash} is corrupt in the artifact store (its content hashes to sha256:${actual})`);
    this.name = 'ArtifactCorruptError';
  }
}

export class ArtifactNotFoundError extends Error {
  constructor(readonly hash: string) {
    super(`Artifact sha256:${hash} is not in the artifact store`);
    this.name = 'ArtifactNotFoundError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Hashes reach file paths and object keys, so anything but 64 lowercase hex digits is refused. */
export function assertSha256(hash: string): void {
  if (!SHA256_HEX.test(hash)) throw new Error(`Not a sha256 artifact hash: ${JSON.stringify(hash.slice(0, 80))}`);
}
