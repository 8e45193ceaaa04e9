import { eq } from 'drizzle-orm';
import { alertRules, alerts, modelChecks } from '../../../drizzle/schema';
import type { TAlertDispatchPart } from '../../../workflows/contract/alert-dispatch';
import type { TServiceDeps } from '../deps';
import { startRun } from '../runs/start-run';
import { postAlertWebhook } from './alert-webhook';
import { checkedDataHash } from './checked-data';
import { latestVersion } from './latest-version';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1_000);

/**
 * One part of what a fired alert does, after the transaction that recorded it (the alert's
 * dispatch workflow calls it, retrying): `retrain` starts its rule's retraining pipeline (latest
 * version, the checked data's hash as the named parameter; its requester is the rule's creator, so
 * the gates' four-eyes rule holds); `notify` POSTs to the webhook, naming the retraining run or why
 * it did not start. A part done already is not done again, and the run's request id is the
 * alert's, so a retry never starts a second run. Each attempt's outcome is written to the alert
 * (`attempt`: Temporal's count), then a failure is thrown on for the workflow to retry.
 */
export async function dispatchAlertPart(deps: TServiceDeps, params: { alertId: string; part: TAlertDispatchPart; attempt: number }): Promise<void> {
  const [row] = await deps.db
    .select({ alert: alerts, rule: alertRules, check: { runId: modelChecks.runId, nodeId: modelChecks.nodeId } })
    .from(alerts)
    .innerJoin(alertRules, eq(alertRules.id, alerts.ruleId))
    .innerJoin(modelChecks, eq(modelChecks.id, alerts.checkId))
    .where(eq(alerts.id, params.alertId));
  if (!row) return; // its rule was deleted meanwhile
  const { alert, rule, check } = row;
  const record = (values: Partial<typeof alerts.$inferInsert>) => deps.db.update(alerts).set(values).where(eq(alerts.id, alert.id));

  if (params.part === 'retrain') {
    if (!rule.retrainPipelineId || alert.retrainRunId) return;
    try {
      const version = await latestVersion(deps.db, { projectId: alert.projectId, pipelineId: rule.retrainPipelineId });
      if (!version) throw new Error('the retraining pipeline has no saved version (or is archived)');
      const data = rule.retrainParameter ? await checkedDataHash(deps.db, check) : null;
      if (rule.retrainParameter && !data) throw new Error('the checked data is not recorded');
      const runParams = rule.retrainParameter && data ? { [rule.retrainParameter]: data } : {};
      const { runId } = await startRun(deps, { projectId: alert.projectId, versionId: version.id, params: runParams, requestId: `alert-${alert.id}`, userId: rule.createdBy, alertId: alert.id });
      await record({ retrainRunId: runId, retrainError: null, retrainAttempts: params.attempt });
    } catch (error) {
      await record({ retrainError: message(error), retrainAttempts: params.attempt });
      throw error;
    }
    return;
  }

  if (!rule.notifySecret || alert.notifiedAt) return;
  const outcome = alert.retrainRunId ? ` · retraining run ${alert.retrainRunId}` : alert.retrainError ? ` · retraining not started: ${alert.retrainError}` : '';
  try {
    await postAlertWebhook(deps.db, { projectId: alert.projectId, secret: rule.notifySecret, text: `[${alert.modelName}] ${alert.message}${outcome}` });
    await record({ notifiedAt: new Date(), notifyError: null, notifyAttempts: params.attempt });
  } catch (error) {
    await record({ notifyError: message(error), notifyAttempts: params.attempt });
    throw error;
  }
}
