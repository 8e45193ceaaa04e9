import { z } from 'zod';
import { ZAlertRuleInputSchema } from '../../services/monitoring/alert-rule-input';
import { changeAlertRule, type TAlertRuleChange } from '../../services/monitoring/change-alert-rule';
import { createAlertRule } from '../../services/monitoring/create-alert-rule';
import { projectProcedure, router } from '../init';

// Listed with the model's monitoring (models.monitoring); changed here, by editors.
const change = (kind: TAlertRuleChange['kind']) =>
  projectProcedure('editor')
    .input(z.object({ ruleId: z.uuid('ruleId: an alert rule id') }))
    .mutation(({ ctx, input }) => changeAlertRule(ctx.db, { ...input, userId: ctx.user.id, change: { kind } }));

export const alertRulesRouter = router({
  create: projectProcedure('editor')
    .input(ZAlertRuleInputSchema)
    .mutation(({ ctx, input }) => createAlertRule(ctx.db, { ...input, userId: ctx.user.id })),
  enable: change('enable'),
  disable: change('disable'),
  delete: change('delete'),
});
