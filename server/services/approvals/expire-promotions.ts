import { sql } from 'drizzle-orm';
import { approvals, auditLog } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';

/**
 * Promotions asked for through the API or the UI that nobody decided by their `expiresAt`
 * (WEFT_PROMOTION_TIMEOUT_HOURS) are closed as expired, audited as the timeout's, as a gate's
 * approval is when its timer fires. A "Promote model" step's promotion is its run's to close (its
 * timer, or the run's end), so it is left alone here. Returns the ids it closed.
 */
export async function expirePromotions(db: TDbOrTx, now: Date = new Date()): Promise<string[]> {
  const closed = await db.execute<{ id: string }>(sql`
    with closed as (
      update ${approvals} set status = 'expired', decided_at = ${now.toISOString()}::timestamptz
      where kind = 'model_promotion' and status = 'pending' and run_id is null and expires_at <= ${now.toISOString()}::timestamptz
      returning id, project_id, model_version_id, alias
    ), audited as (
      insert into ${auditLog} (project_id, actor, action, target_type, target_id, details)
      select project_id, 'system:timeout', 'approval.expire', 'approval', id::text, jsonb_build_object('modelVersionId', model_version_id, 'alias', alias) from closed
    )
    select id from closed`);
  return closed.rows.map((r) => r.id);
}

const EXPIRE_EVERY_MS = 60_000;

/** The control worker closes expired promotions every minute (a failure is warned about and tried again). */
export function startPromotionExpiry(db: TDbOrTx, warn: (message: string) => void = (m) => console.warn(m)) {
  const timer = setInterval(() => {
    expirePromotions(db).catch((error: unknown) => warn(`[weft] promotion expiry: ${error instanceof Error ? error.message : String(error)}`));
  }, EXPIRE_EVERY_MS);
  return () => clearInterval(timer);
}
