import { eq } from 'drizzle-orm';
import { alertRules, alerts, modelChecks } from '../../../drizzle/schema';
import type { TServiceDeps } from '../deps';
import { startRun } from '../runs/start-run';
import { postAlertWebhook } from './alert-webhook';
import { checkedDataHash } from './checked-data';
import { latestVersion } from './latest-version';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1_000);

/**
 * What a fired alert does, after the transaction that recorded it: start its rule's retraining
 * pipeline (latest version, the checked data's hash as the named parameter; its requester is the
 * rule's creator, so the gates' four-eyes rule holds), then notify the webhook. Each outcome is
 * recorded on the alert. Safe to repeat: the run's request id is the alert's, and a done part is
 * not done again.
 */
export async function dispatchAlert(deps: TServiceDeps, alertId: string): Promise<void> {
  const [row] = await deps.db
    .select({ alert: alerts, rule: alertRules, check: { runId: modelChecks.runId, nodeId: modelChecks.nodeId } })
    .from(alerts)
    .innerJoin(alertRules, eq(alertRules.id, alerts.ruleId))
    .innerJoin(modelChecks, eq(modelChecks.id, alerts.checkId))
    .where(eq(alerts.id, alertId));
  if (!row) return; // its rule was deleted meanwhile
  const { alert, rule, check } = row;
  let retrainRunId = alert.retrainRunId;
  if (rule.retrainPipelineId && !retrainRunId && !alert.retrainError) {
    try {
      const version = await latestVersion(deps.db, { projectId: alert.projectId, pipelineId: rule.retrainPipelineId });
      if (!version) throw new Error('the retraining pipeline has no saved version (or is archived)');
      const data = rule.retrainParameter ? await checkedDataHash(deps.db, check) : null;
      if (rule.retrainParameter && !data) throw new Error('the checked data is not recorded');
      const params = rule.retrainParameter && data ? { [rule.retrainParameter]: data } : {};
      ({ runId: retrainRunId } = await startRun(deps, { projectId: alert.projectId, versionId: version.id, params, requestId: `alert-${alert.id}`, userId: rule.createdBy, alertId: alert.id }));
      await deps.db.update(alerts).set({ retrainRunId }).where(eq(alerts.id, alert.id));
    } catch (error) {
      await deps.db.update(alerts).set({ retrainError: message(error) }).where(eq(alerts.id, alert.id));
    }
  }
  if (rule.notifySecret && !alert.notifiedAt && !alert.notifyError) {
    const text = `[${alert.modelName}] ${alert.message}` + (retrainRunId ? ` · retraining run ${retrainRunId}` : '');
    try {
      await postAlertWebhook(deps.db, { projectId: alert.projectId, secret: rule.notifySecret, text });
      await deps.db.update(alerts).set({ notifiedAt: new Date() }).where(eq(alerts.id, alert.id));
    } catch (error) {
      await deps.db.update(alerts).set({ notifyError: message(error) }).where(eq(alerts.id, alert.id));
    }
  }
}
