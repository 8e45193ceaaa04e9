const DEFAULT_HOURS = 168;

/** How long a promotion asked for through the API or the UI waits for a decision: WEFT_PROMOTION_TIMEOUT_HOURS (1 hour to a year), else 7 days. */
export function promotionTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const hours = Number(env.WEFT_PROMOTION_TIMEOUT_HOURS ?? DEFAULT_HOURS);
  if (!Number.isFinite(hours) || hours < 1 || hours > 24 * 366) throw new Error(`WEFT_PROMOTION_TIMEOUT_HOURS must be a number of hours from 1 to 8784, not "${env.WEFT_PROMOTION_TIMEOUT_HOURS}"`);
  return hours * 3_600_000;
}
