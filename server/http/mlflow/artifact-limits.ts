import { z } from 'zod';

/** Largest artifact file the proxy stores (WEFT_MLFLOW_MAX_ARTIFACT_BYTES, default 5 GiB): model files are large, but not unbounded. */
export function maxArtifactBytes(env: Partial<Record<string, string>> = process.env): number {
  const parsed = z.coerce
    .number()
    .int()
    .positive('WEFT_MLFLOW_MAX_ARTIFACT_BYTES is a positive number of bytes')
    .default(5 * 1024 ** 3)
    .safeParse(env.WEFT_MLFLOW_MAX_ARTIFACT_BYTES || undefined);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}
