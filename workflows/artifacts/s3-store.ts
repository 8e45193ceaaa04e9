import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { writeHashed } from './hashing-copy';
import { ArtifactNotFoundError, assertSha256, type ArtifactStore, type TArtifactRef } from './types';

export type TS3StoreOptions = {
  client: S3Client;
  bucket: string;
  /** Key prefix, e.g. `weft/`: several deployments can share a bucket. */
  prefix: string;
  /** Where putFile stages a file while hashing it (default: the OS temp dir). */
  tmpDir?: string;
};

const httpStatus = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;

/** Artifacts as objects `<prefix>sha256/<hash>` in any S3-compatible bucket. */
export class S3ArtifactStore implements ArtifactStore {
  constructor(private readonly options: TS3StoreOptions) {}

  keyOf(hash: string): string {
    assertSha256(hash);
    return `${this.options.prefix}sha256/${hash}`;
  }

  async putFile(file: string): Promise<TArtifactRef> {
    // The key needs the hash before the upload starts, and hashing the source first could name
    // content that changed before it was sent: stage a private copy, hashed as it is written.
    const dir = await mkdtemp(path.join(this.options.tmpDir ?? os.tmpdir(), 'weft-artifact-'));
    try {
      const staged = path.join(dir, 'content');
      const ref = await writeHashed(createReadStream(file), staged);
      if (!(await this.has(ref.hash))) {
        // lib-storage switches to a multipart upload past one part, holding at most
        // queueSize × partSize bytes in memory.
        const upload = new Upload({
          client: this.options.client,
          params: { Bucket: this.options.bucket, Key: this.keyOf(ref.hash), Body: createReadStream(staged), ContentLength: ref.size },
          partSize: 8 * 1024 * 1024,
          queueSize: 2,
        });
        await upload.done();
      }
      return ref;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async getFile(hash: string, dest: string): Promise<void> {
    const key = this.keyOf(hash);
    let body: AsyncIterable<Uint8Array>;
    try {
      const object = await this.options.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      if (!object.Body) throw new ArtifactNotFoundError(hash);
      body = object.Body as AsyncIterable<Uint8Array>; // a Node Readable on Node
    } catch (error) {
      if (httpStatus(error) === 404) throw new ArtifactNotFoundError(hash);
      throw error;
    }
    await mkdir(path.dirname(dest), { recursive: true });
    const tmp = `${dest}.${randomUUID()}.part`;
    try {
      const got = await writeHashed(body, tmp, 0o444);
      // A remote store can be written by anything holding the credentials: check what came back.
      if (got.hash !== hash) throw new Error(`Artifact ${key} in bucket ${this.options.bucket} does not match its hash (got sha256:${got.hash})`);
      await rename(tmp, dest);
    } finally {
      await rm(tmp, { force: true });
    }
  }

  async has(hash: string): Promise<boolean> {
    try {
      await this.options.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(hash) }));
      return true;
    } catch (error) {
      if (httpStatus(error) === 404) return false;
      throw error;
    }
  }
}
