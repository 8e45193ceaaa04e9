import { auditLog } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';

export type TAuditEntry = typeof auditLog.$inferInsert;

/** Appends one audit row; call it inside the same transaction as the action it records. */
export async function recordAudit(db: TDbOrTx, entry: TAuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}
