import { z } from 'zod';

const MiB = 1024 * 1024;

/** The UI batches at most this many calls per request (httpBatchLink's maxItems); more is refused. */
export const MAX_BATCH_SIZE = 20;

/**
 * Largest request body the API reads (WEFT_MAX_BODY_BYTES, default 2 MiB): a 2,000-node draft
 * is ~0.4 MB, and nothing larger than a draft is ever sent.
 */
export function maxBodyBytes(env: Partial<Record<string, string>> = process.env): number {
  const parsed = z.coerce
    .number()
    .int()
    .min(64 * 1024, 'WEFT_MAX_BODY_BYTES is at least 65536')
    .default(2 * MiB)
    .safeParse(env.WEFT_MAX_BODY_BYTES || undefined);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}
