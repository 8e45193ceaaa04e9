import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { LocalArtifactStore } from './local-store';
import { S3ArtifactStore } from './s3-store';
import type { ArtifactStore } from './types';

export { ArtifactNotFoundError, type ArtifactStore, type TArtifactRef } from './types';

// (not `new URL('../..', import.meta.url)`: the web's bundler takes that for an asset to bundle;
// in the web the store's directory always comes from WEFT_ARTIFACTS_DIR, which dev and test set)
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const optional = z.string().trim().transform((value) => value || undefined).optional();

/** The store's configuration; empty values count as unset, as they do in a .env file. */
export const ZArtifactStoreEnvSchema = z.object({
  WEFT_ARTIFACTS_DIR: optional,
  WEFT_ARTIFACTS_S3_BUCKET: optional,
  WEFT_ARTIFACTS_S3_ENDPOINT: optional.pipe(z.url({ message: 'WEFT_ARTIFACTS_S3_ENDPOINT must be a URL' }).optional()),
  WEFT_ARTIFACTS_S3_REGION: optional,
  WEFT_ARTIFACTS_S3_PREFIX: z.string().optional(),
  AWS_ACCESS_KEY_ID: optional,
  AWS_SECRET_ACCESS_KEY: optional,
  AWS_SESSION_TOKEN: optional,
});

/** The local store's directory, unless the store is S3 (WEFT_ARTIFACTS_S3_BUCKET). */
export function localArtifactsRoot(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const config = ZArtifactStoreEnvSchema.parse(env);
  return config.WEFT_ARTIFACTS_S3_BUCKET ? undefined : path.resolve(repoRoot, config.WEFT_ARTIFACTS_DIR ?? '.weft/artifacts');
}

/** S3 when WEFT_ARTIFACTS_S3_BUCKET is set, else a local directory (WEFT_ARTIFACTS_DIR, default .weft/artifacts). */
export function createArtifactStore(env: Readonly<Record<string, string | undefined>> = process.env): ArtifactStore {
  const config = ZArtifactStoreEnvSchema.parse(env);
  const localRoot = localArtifactsRoot(env);
  if (localRoot) return new LocalArtifactStore(localRoot);
  const bucket = config.WEFT_ARTIFACTS_S3_BUCKET!;
  const endpoint = config.WEFT_ARTIFACTS_S3_ENDPOINT;
  const client = new S3Client({
    region: config.WEFT_ARTIFACTS_S3_REGION ?? 'us-east-1',
    // S3-compatible servers (MinIO, moto, Ceph) mostly lack virtual-host bucket DNS and the
    // newer default checksums; downloads are verified against the sha256 anyway.
    ...(endpoint && { endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }),
    // Credentials from `env` when it has them (it may not be process.env), else the SDK's chain.
    ...(config.AWS_ACCESS_KEY_ID &&
      config.AWS_SECRET_ACCESS_KEY && {
        credentials: {
          accessKeyId: config.AWS_ACCESS_KEY_ID,
          secretAccessKey: config.AWS_SECRET_ACCESS_KEY,
          sessionToken: config.AWS_SESSION_TOKEN,
        },
      }),
  });
  return new S3ArtifactStore({ client, bucket, prefix: config.WEFT_ARTIFACTS_S3_PREFIX ?? 'weft/' });
}
