import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { TArtifactRef } from './types';

/**
 * Streams `source` into a new file at `dest` (which must not exist), hashing the very bytes it
 * writes: hashing a file and then copying it could store content that does not match its name
 * if the file changed in between. The file is fsynced before it is closed (`flush`), because
 * callers rename it into the store next, and a store entry that a crash left empty would be
 * trusted forever.
 */
export async function writeHashed(source: AsyncIterable<Uint8Array>, dest: string, mode = 0o644): Promise<TArtifactRef> {
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(
    source,
    async function* (chunks: AsyncIterable<Uint8Array>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        size += chunk.byteLength;
        yield chunk;
      }
    },
    createWriteStream(dest, { flags: 'wx', mode, flush: true }),
  );
  return { hash: hash.digest('hex'), size };
}
