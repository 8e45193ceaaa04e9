import { eq } from 'drizzle-orm';
import { alerts, modelChecks } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';

const fields = { id: alerts.id, modelName: alerts.modelName, message: alerts.message };

/** A run's links to monitoring: the alert that started it (a retraining run), the alerts its drift checks fired. */
export async function runAlerts(db: TDbOrTx, runId: string) {
  const [startedBy, fired] = await Promise.all([
    db.select(fields).from(alerts).where(eq(alerts.retrainRunId, runId)).limit(1),
    db.select(fields).from(alerts).innerJoin(modelChecks, eq(modelChecks.id, alerts.checkId)).where(eq(modelChecks.runId, runId)).limit(20),
  ]);
  return { startedByAlert: startedBy[0] ?? null, firedAlerts: fired };
}
