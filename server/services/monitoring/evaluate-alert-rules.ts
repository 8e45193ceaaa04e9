import { and, desc, eq, lte } from 'drizzle-orm';
import { alertRules, alerts, modelChecks } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';

type TRule = typeof alertRules.$inferSelect;
type TCheck = Pick<typeof modelChecks.$inferSelect, 'driftedFeatures' | 'scores'>;

/** The value a rule compares with its threshold: the highest feature PSI, or the drifted features' count. */
export function ruleValue(rule: Pick<TRule, 'metric'>, check: TCheck): number {
  if (rule.metric === 'drifted_features') return check.driftedFeatures;
  return Math.max(0, ...Object.values(check.scores).map((s) => s.psi));
}

type TRuleTerms = Pick<TRule, 'metric' | 'threshold' | 'consecutive'>;
const breaches = (rule: TRuleTerms, check: TCheck) => ruleValue(rule, check) > rule.threshold;

/**
 * Whether a rule fires on the newest of `recent` (the model's checks, newest first): its streak of
 * breaching checks has just reached `consecutive`, so a streak fires once, not on every check after.
 */
export function streakFires(rule: TRuleTerms, recent: TCheck[]): boolean {
  const streak = recent.slice(0, rule.consecutive);
  const before = recent[rule.consecutive];
  return streak.length === rule.consecutive && streak.every((c) => breaches(rule, c)) && !(before && breaches(rule, before));
}

/**
 * Evaluates a model's enabled rules on checks just recorded, inside the record path's
 * transaction. The alert is keyed (rule, check): evaluated again, it fires once. Returns the alerts fired now; what they trigger is done after the commit.
 */
export async function evaluateAlertRules(tx: TDbOrTx, checks: { id: string; projectId: string; modelName: string }[]): Promise<string[]> {
  const fired: string[] = [];
  for (const check of checks) {
    const rules = await tx
      .select()
      .from(alertRules)
      .where(and(eq(alertRules.projectId, check.projectId), eq(alertRules.modelName, check.modelName), eq(alertRules.enabled, true)));
    if (rules.length === 0) continue;
    const [current] = await tx.select({ checkedAt: modelChecks.checkedAt }).from(modelChecks).where(eq(modelChecks.id, check.id));
    if (!current) continue;
    const longest = Math.max(...rules.map((r) => r.consecutive));
    const recent = await tx
      .select({ driftedFeatures: modelChecks.driftedFeatures, scores: modelChecks.scores })
      .from(modelChecks)
      .where(and(eq(modelChecks.projectId, check.projectId), eq(modelChecks.modelName, check.modelName), lte(modelChecks.checkedAt, current.checkedAt)))
      .orderBy(desc(modelChecks.checkedAt))
      .limit(longest + 1);
    for (const rule of rules) {
      if (!streakFires(rule, recent)) continue;
      const value = ruleValue(rule, recent[0]!);
      const message = `${rule.name}: ${rule.metric === 'feature_psi' ? 'a feature’s PSI' : 'drifted features'} ${value.toFixed(3)} > ${rule.threshold} on ${rule.consecutive} consecutive check${rule.consecutive === 1 ? '' : 's'}`;
      const [alert] = await tx.insert(alerts).values({ projectId: check.projectId, ruleId: rule.id, checkId: check.id, modelName: check.modelName, message }).onConflictDoNothing().returning({ id: alerts.id });
      if (alert) fired.push(alert.id);
    }
  }
  return fired;
}
