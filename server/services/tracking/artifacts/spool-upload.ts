import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../errors';

/**
 * Streams an upload's body into a private temp file, refusing it once it passes `maxBytes`, and
 * hands the file to `use` (which stores it); the file is removed afterwards whatever happens. The
 * store hashes what it copies from this file, so the body never sits in memory whole.
 */
export async function withSpooledUpload<T>(body: AsyncIterable<Uint8Array>, maxBytes: number, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'weft-mlflow-upload-'));
  try {
    const file = path.join(dir, 'body');
    let size = 0;
    await pipeline(
      body,
      async function* (chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          size += chunk.byteLength;
          if (size > maxBytes) throw new AppError('BAD_REQUEST', `The artifact is larger than ${maxBytes} bytes (WEFT_MLFLOW_MAX_ARTIFACT_BYTES)`);
          yield chunk;
        }
      },
      createWriteStream(file, { flags: 'wx', mode: 0o600 }),
    );
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
