import { and, eq } from 'drizzle-orm';
import { alertRules } from '../../../drizzle/schema';
import { notFound } from '../../errors';
import type { TDatabase } from '../../db/client';
import { recordAudit } from '../audit/record-audit';

export type TAlertRuleChange = { kind: 'enable' } | { kind: 'disable' } | { kind: 'delete' };

/** Turns a rule on or off, or deletes it (its alerts go with it), recording who did. */
export async function changeAlertRule(db: TDatabase, params: { projectId: string; ruleId: string; userId: string; change: TAlertRuleChange }) {
  return db.transaction(async (tx) => {
    const where = and(eq(alertRules.id, params.ruleId), eq(alertRules.projectId, params.projectId));
    const [rule] =
      params.change.kind === 'delete'
        ? await tx.delete(alertRules).where(where).returning({ id: alertRules.id })
        : await tx
            .update(alertRules)
            .set({ enabled: params.change.kind === 'enable' })
            .where(where)
            .returning({ id: alertRules.id });
    if (!rule) throw notFound('Alert rule');
    await recordAudit(tx, { projectId: params.projectId, actor: params.userId, action: `alert_rule.${params.change.kind}`, targetType: 'alert_rule', targetId: rule.id });
    return rule;
  });
}
