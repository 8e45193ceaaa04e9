import { alertRules } from '../../../drizzle/schema';
import { AppError } from '../../errors';
import type { TDatabase } from '../../db/client';
import { recordAudit } from '../audit/record-audit';
import type { TAlertRuleInput } from './alert-rule-input';
import { webhookUrlProblem } from '../webhooks/webhook-url';
import { alertWebhookUrl } from './alert-webhook';
import { latestVersion } from './latest-version';

/**
 * Creates an alert rule on a model. Its retraining pipeline must have a saved version now, and
 * the parameter that receives the current data must be one of that version's: a rule that could
 * never start its run is refused here, not when it fires. So is a webhook secret that is missing or
 * holds a URL the webhook address policy refuses (dispatch checks again: secrets and DNS change).
 */
export async function createAlertRule(db: TDatabase, params: TAlertRuleInput & { projectId: string; userId: string }) {
  if (params.retrainParameter && !params.retrainPipelineId) throw new AppError('BAD_REQUEST', 'retrainParameter: needs a retraining pipeline');
  if (params.retrainPipelineId) {
    const version = await latestVersion(db, { projectId: params.projectId, pipelineId: params.retrainPipelineId });
    if (!version) throw new AppError('BAD_REQUEST', 'retrainPipelineId: no saved version of a live pipeline of this project');
    if (params.retrainParameter && !(params.retrainParameter in version.plan.parameters)) {
      throw new AppError('BAD_REQUEST', `retrainParameter: the pipeline’s latest version has no parameter "${params.retrainParameter}"`);
    }
  }
  if (params.notifySecret) {
    const url = await alertWebhookUrl(db, { projectId: params.projectId, secret: params.notifySecret });
    if (url === null) throw new AppError('BAD_REQUEST', `notifySecret: the project has no secret ${params.notifySecret}`);
    const problem = await webhookUrlProblem(url);
    if (problem) throw new AppError('BAD_REQUEST', `notifySecret: the webhook URL in ${params.notifySecret} is refused: ${problem}`);
  }
  return db.transaction(async (tx) => {
    const [rule] = await tx
      .insert(alertRules)
      .values({
        projectId: params.projectId,
        modelName: params.modelName,
        name: params.name,
        metric: params.metric,
        threshold: params.threshold,
        consecutive: params.consecutive,
        notifySecret: params.notifySecret ?? null,
        retrainPipelineId: params.retrainPipelineId ?? null,
        retrainParameter: params.retrainParameter || null,
        createdBy: params.userId,
      })
      .onConflictDoNothing()
      .returning({ id: alertRules.id });
    if (!rule) throw new AppError('CONFLICT', `name: model "${params.modelName}" already has a rule named "${params.name}"`);
    await recordAudit(tx, { projectId: params.projectId, actor: params.userId, action: 'alert_rule.create', targetType: 'alert_rule', targetId: rule.id, details: { modelName: params.modelName, name: params.name } });
    return rule;
  });
}
