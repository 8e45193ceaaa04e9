import type { TPoolKind } from '@/workflows/dsl';

// The limits of the server's ZTeamShareSchema, restated here because that module reads the
// database: checking them first names the bad cell instead of a zod field path.
const MAX_WEIGHT = 1_000;
const MAX_GPU_QUOTA = 10_000;

/** A pool without a share row dispatches the team at Temporal's default weight, with no GPU cap. */
export const DEFAULT_WEIGHT = 1;

export type TShareParse = { ok: true; weight: number; gpuQuota: number | null } | { ok: false; error: string };

/**
 * The share editor's two cells → what teams.setShare takes. An empty quota means no cap; a CPU
 * pool has no GPUs to cap, so its quota is always null (the server refuses any other).
 */
export function parseShare(weightText: string, quotaText: string, kind: TPoolKind): TShareParse {
  const weight = Number(weightText.trim());
  if (weightText.trim() === '' || !Number.isFinite(weight) || weight <= 0 || weight > MAX_WEIGHT) {
    return { ok: false, error: `The weight must be a number above 0 and at most ${MAX_WEIGHT}` };
  }
  if (kind === 'cpu' || quotaText.trim() === '') return { ok: true, weight, gpuQuota: null };
  const gpuQuota = Number(quotaText.trim());
  if (!Number.isInteger(gpuQuota) || gpuQuota < 0 || gpuQuota > MAX_GPU_QUOTA) {
    return { ok: false, error: `The GPU quota must be a whole number from 0 to ${MAX_GPU_QUOTA}, or empty for no cap` };
  }
  return { ok: true, weight, gpuQuota };
}

/** The inverse for the cells: no cap shows as an empty quota. */
export const formatQuota = (gpuQuota: number | null): string => (gpuQuota === null ? '' : String(gpuQuota));
