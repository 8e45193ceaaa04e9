// The S3 store against moto_server (requirements/tools.txt), on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ArtifactStore } from './s3-store';
import { createArtifactStore } from './store';
import { storeContract, useTempDir } from './store-contract';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// WEFT_MOTO_SERVER, else beside the Temporal CLI (WEFT_TEMPORAL_CLI: both come from the tools venv), else in that venv.
const motoCandidates = [
  process.env.WEFT_MOTO_SERVER,
  process.env.WEFT_TEMPORAL_CLI && path.join(path.dirname(process.env.WEFT_TEMPORAL_CLI), 'moto_server'),
  path.join(repoRoot, '.weft', 'python', 'tools', 'bin', 'moto_server'),
].filter((candidate): candidate is string => Boolean(candidate));
const motoServer = motoCandidates.find((candidate) => existsSync(candidate));
const bucket = 'weft-test';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const skipReason = `moto_server not found (looked at ${motoCandidates.join(', ')}): install requirements/tools.txt or set WEFT_MOTO_SERVER`;
if (!motoServer) console.warn(`[artifacts] S3ArtifactStore tests SKIPPED: ${skipReason}`);

describe.skipIf(!motoServer)(motoServer ? 'S3ArtifactStore (moto_server)' : `S3ArtifactStore: SKIPPED, ${skipReason}`, () => {
  const tempDir = useTempDir('weft-s3-store-');
  let moto: ChildProcess | undefined;
  let store: S3ArtifactStore;
  let client: S3Client;
  let log = ''; // moto_server prints one line per request
  const env: Record<string, string> = {
    WEFT_ARTIFACTS_S3_BUCKET: bucket,
    WEFT_ARTIFACTS_S3_PREFIX: 'test/',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  };

  beforeAll(async () => {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    moto = spawn(motoServer!, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    moto.stdout!.on('data', (chunk: Buffer) => (log += chunk));
    moto.stderr!.on('data', (chunk: Buffer) => (log += chunk));
    client = new S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await client.send(new CreateBucketCommand({ Bucket: bucket }));
        break;
      } catch (error) {
        if (moto.exitCode !== null || Date.now() > deadline) throw new Error(`moto_server did not start: ${String(error)}\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    env.WEFT_ARTIFACTS_S3_ENDPOINT = endpoint;
    store = createArtifactStore(env) as S3ArtifactStore;
  });

  afterAll(() => {
    client?.destroy();
    moto?.kill();
  });

  it('is what createArtifactStore makes when a bucket is configured', () => {
    expect(store).toBeInstanceOf(S3ArtifactStore);
  });

  storeContract(() => store, tempDir);

  it('keys objects <prefix>sha256/<hash> and uploads a large file in parts', async () => {
    const content = randomBytes(20 * 1024 * 1024); // past the 8 MiB part size: a multipart upload
    const file = path.join(tempDir(), 'large.bin');
    await writeFile(file, content);
    const ref = await store.putFile(file);
    expect(ref.hash).toBe(createHash('sha256').update(content).digest('hex'));
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `test/sha256/${ref.hash}` }));
    expect(listed.Contents?.map((o) => [o.Key, o.Size])).toEqual([[`test/sha256/${ref.hash}`, content.length]]);
    expect(log).toContain(`POST /${bucket}/test/sha256/${ref.hash}?uploads`);
    await store.getFile(ref.hash, path.join(tempDir(), 'large-back.bin'));
  });
});
