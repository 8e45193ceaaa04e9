import { z } from 'zod';
import { ALERT_METRICS } from '../../../drizzle/schema';
import { MAX_MODEL_NAME_LENGTH, ZSecretNameSchema } from '../../../workflows/dsl';

/** What an editor gives to create an alert rule; each message names its field (the 400 a form shows). */
export const ZAlertRuleInputSchema = z.object({
  modelName: z.string().trim().min(1, 'modelName: a model name is required').max(MAX_MODEL_NAME_LENGTH, `modelName: at most ${MAX_MODEL_NAME_LENGTH} characters`),
  name: z.string().trim().min(1, 'name: a rule name is required').max(120, 'name: at most 120 characters'),
  metric: z.enum(ALERT_METRICS, { message: `metric: one of ${ALERT_METRICS.join(', ')}` }),
  threshold: z.number({ message: 'threshold: a number' }).min(0, 'threshold: at least 0').max(1_000, 'threshold: at most 1,000'),
  consecutive: z.number().int('consecutive: a whole number').min(1, 'consecutive: at least 1').max(20, 'consecutive: at most 20'),
  notifySecret: z
    .string()
    .trim()
    .pipe(ZSecretNameSchema)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  retrainPipelineId: z.uuid('retrainPipelineId: a pipeline id').optional(),
  retrainParameter: z.string().trim().max(120, 'retrainParameter: at most 120 characters').optional(),
});
export type TAlertRuleInput = z.output<typeof ZAlertRuleInputSchema>;
