import { and, desc, eq } from 'drizzle-orm';
import { alertRules, alerts, modelChecks, pipelines } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';

/** the most checks a page charts (the newest), and alerts it lists */
export const MAX_CHECKS = 500;
export const MAX_ALERTS = 100;

/**
 * A model's monitoring page: its drift checks (oldest first, for the charts; the newest
 * MAX_CHECKS), its alert rules, and the alerts they fired with the runs at each end.
 * Read through the (project, model, time) indexes.
 */
export async function modelMonitoring(db: TDbOrTx, params: { projectId: string; name: string }) {
  const byModel = (table: typeof modelChecks | typeof alerts) => and(eq(table.projectId, params.projectId), eq(table.modelName, params.name));
  const [checks, rules, fired] = await Promise.all([
    db
      .select({ id: modelChecks.id, runId: modelChecks.runId, nodeId: modelChecks.nodeId, checkedAt: modelChecks.checkedAt, drifted: modelChecks.drifted, driftedFeatures: modelChecks.driftedFeatures, psiMax: modelChecks.psiMax, scores: modelChecks.scores })
      .from(modelChecks)
      .where(byModel(modelChecks))
      .orderBy(desc(modelChecks.checkedAt))
      .limit(MAX_CHECKS),
    db
      .select({ rule: alertRules, retrainPipelineName: pipelines.name })
      .from(alertRules)
      .leftJoin(pipelines, eq(pipelines.id, alertRules.retrainPipelineId))
      .where(and(eq(alertRules.projectId, params.projectId), eq(alertRules.modelName, params.name)))
      .orderBy(alertRules.createdAt),
    db
      .select({
        id: alerts.id,
        ruleName: alertRules.name,
        message: alerts.message,
        firedAt: alerts.firedAt,
        checkRunId: modelChecks.runId,
        notifiedAt: alerts.notifiedAt,
        notifyError: alerts.notifyError,
        retrainRunId: alerts.retrainRunId,
        retrainError: alerts.retrainError,
        retrainAttempts: alerts.retrainAttempts,
        notifyAttempts: alerts.notifyAttempts,
        dispatch: alerts.dispatch,
      })
      .from(alerts)
      .innerJoin(alertRules, eq(alertRules.id, alerts.ruleId))
      .innerJoin(modelChecks, eq(modelChecks.id, alerts.checkId))
      .where(byModel(alerts))
      .orderBy(desc(alerts.firedAt))
      .limit(MAX_ALERTS),
  ]);
  return {
    checks: checks.reverse(),
    rules: rules.map((r) => ({ ...r.rule, retrainPipelineName: r.retrainPipelineName })),
    alerts: fired,
  };
}
