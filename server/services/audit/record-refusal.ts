import { sql } from 'drizzle-orm';
import { refusedCallCounts } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { storableText } from '../../text/well-formed';
import { recordAudit } from './record-audit';

/** Audit rows per actor and minute for refused calls; past it the refusals are only counted. */
export const REFUSALS_AUDITED_PER_MINUTE = 20;

export type TRefusal = {
  /** user id, or `anonymous` */
  actor: string;
  /** the tRPC procedure's path, e.g. `pipelines.saveDraft` */
  procedure: string;
  /** the answer's code, e.g. FORBIDDEN or BAD_REQUEST */
  code: string;
  reason: string;
};

/** Records a refused call: counted always, an audit row while the actor's minute has room. */
export async function recordRefusal(db: TDatabase, refusal: TRefusal): Promise<void> {
  await db.transaction(async (tx) => {
    const [count] = await tx
      .insert(refusedCallCounts)
      .values({ actor: refusal.actor, minute: sql`date_trunc('minute', now())`, refused: 1 })
      .onConflictDoUpdate({ target: [refusedCallCounts.actor, refusedCallCounts.minute], set: { refused: sql`${refusedCallCounts.refused} + 1` } })
      .returning({ refused: refusedCallCounts.refused });
    if (count!.refused > REFUSALS_AUDITED_PER_MINUTE) return;
    await recordAudit(tx, {
      actor: refusal.actor,
      action: 'call.refused',
      targetType: 'procedure',
      targetId: refusal.procedure,
      // a reason may quote the caller's input: bounded, and stripped of what Postgres refuses
      details: { code: refusal.code, reason: storableText(refusal.reason.slice(0, 500)) },
    });
  });
}
