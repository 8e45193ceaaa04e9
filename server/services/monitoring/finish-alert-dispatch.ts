import { and, eq } from 'drizzle-orm';
import { alerts } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';

/** An alert's dispatch settled: `done`, or `failed` when a part gave up (its reason is on the alert). Written once. */
export async function finishAlertDispatch(db: TDbOrTx, params: { alertId: string; failed: boolean }): Promise<void> {
  await db
    .update(alerts)
    .set({ dispatch: params.failed ? 'failed' : 'done' })
    .where(and(eq(alerts.id, params.alertId), eq(alerts.dispatch, 'pending')));
}
