import { z } from 'zod';
import { CONFIG_FIELDS } from '../config-form';
import { MAX_MODEL_NAME_LENGTH, ZAliasSchema } from '../model-registry';
import { parseTagLines } from '../model-steps';
import { ZSecretNameSchema } from '../secret-names';
import { bootstrapSchema, confidenceSchema, seedSchema, targetSchema, taskSchema } from './fields';

export const ESTIMATORS = ['logistic_regression', 'random_forest', 'gradient_boosting'] as const;

/** A hyperparameter's value: a literal, or `params.<name>` (read from the run's parameters by the step). */
export type THyperparameter = number | boolean | string | null | { param: string };

function hyperparameter(text: string): THyperparameter {
  const value = text.trim();
  const param = /^params\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(value);
  if (param) return { param: param[1]! };
  if (value !== '' && Number.isFinite(Number(value))) return Number(value);
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (/^none$/i.test(value)) return null;
  return value;
}

const hyperparametersField = () =>
  z
    .string()
    .max(10_000)
    .default('')
    .transform((text, ctx) => {
      const parsed = parseTagLines(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      const bad = parsed.tags.find((t) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(t.key));
      if (bad) {
        ctx.addIssue({ code: 'custom', message: `"${bad.key}" is not a hyperparameter name` });
        return z.NEVER;
      }
      return Object.fromEntries(parsed.tags.map((t) => [t.key, hyperparameter(t.value)]));
    })
    .register(CONFIG_FIELDS, {
      label: 'Hyperparameters',
      hint: 'One `name=value` per line, e.g. `C=0.5` or `n_estimators=params.trees` (a pipeline parameter).',
      widget: 'textarea',
      rows: 4,
    });

export const ZTrainConfigSchema = z.object({
  target: targetSchema(),
  task: taskSchema(),
  estimator: z.enum(ESTIMATORS).default('logistic_regression').register(CONFIG_FIELDS, { label: 'Estimator', widget: 'select' }),
  hyperparameters: hyperparametersField(),
  seed: seedSchema(),
});

/** Train (PyTorch): a small MLP (the GPU pools' example; torch comes from requirements/torch.txt). */
export const ZTrainTorchConfigSchema = z.object({
  target: targetSchema(),
  task: taskSchema(),
  hiddenLayers: z
    .string()
    .max(200)
    .default('64, 32')
    .transform((text, ctx) => {
      const sizes = text.split(',').map((part) => part.trim()).filter(Boolean).map(Number);
      if (sizes.length > 8 || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 4_096)) {
        ctx.addIssue({ code: 'custom', message: 'Up to 8 layer widths, comma-separated, each a whole number from 1 to 4096' });
        return z.NEVER;
      }
      return sizes;
    })
    .register(CONFIG_FIELDS, { label: 'Hidden layers', hint: 'Widths, comma-separated, e.g. `64, 32`; empty: a linear model.', widget: 'text' }),
  epochs: z.number().int().min(1).max(10_000).default(50).register(CONFIG_FIELDS, { label: 'Epochs', widget: 'number', step: 10 }),
  learningRate: z.number().gt(0).max(10).default(0.01).register(CONFIG_FIELDS, { label: 'Learning rate', hint: 'Adam’s.', widget: 'number', step: 0.001 }),
  batchSize: z.number().int().min(1).max(1_000_000).default(64).register(CONFIG_FIELDS, { label: 'Batch size', widget: 'number', step: 16 }),
  device: z.enum(['auto', 'cuda', 'cpu']).default('auto').register(CONFIG_FIELDS, { label: 'Device', hint: 'auto: the GPU the step was given (a GPU pool), else the CPU; cuda: fail without one.', widget: 'select' }),
  seed: seedSchema(),
});

export const ZEvaluateConfigSchema = z.object({
  target: targetSchema(),
  task: taskSchema(),
  bootstrap: bootstrapSchema(500),
  confidence: confidenceSchema(),
  seed: seedSchema(),
});

/** Metrics a comparison may use; for rmse and mae lower is better (the step knows which way). */
export const COMPARE_METRICS = ['accuracy', 'balanced_accuracy', 'f1', 'roc_auc', 'r2', 'rmse', 'mae'] as const;

export const ZCompareConfigSchema = z.object({
  modelName: z.string().trim().min(1, 'A model name is required').max(MAX_MODEL_NAME_LENGTH).register(CONFIG_FIELDS, { label: 'Registered model', hint: 'Its champion is what the candidate is compared with.', widget: 'text' }),
  alias: ZAliasSchema.default('champion').register(CONFIG_FIELDS, { label: 'Production alias', widget: 'text' }),
  target: targetSchema(),
  metric: z.enum(COMPARE_METRICS).default('accuracy').register(CONFIG_FIELDS, { label: 'Metric', widget: 'select' }),
  margin: z.number().min(0).max(1_000).default(0.01).register(CONFIG_FIELDS, { label: 'Non-inferiority margin', hint: 'How much worse than production the candidate may be, in the metric’s units.', widget: 'number', step: 0.005 }),
  bootstrap: bootstrapSchema(1_000),
  confidence: confidenceSchema(),
  seed: seedSchema(),
});

export const ZBatchPredictConfigSchema = z.object({
  modelName: z
    .string()
    .trim()
    .max(MAX_MODEL_NAME_LENGTH)
    .default('')
    .register(CONFIG_FIELDS, { label: 'Registered model', hint: 'Used when nothing is connected to the Model input: the version that holds the alias below.', widget: 'text' }),
  alias: ZAliasSchema.default('champion').register(CONFIG_FIELDS, { label: 'Alias', widget: 'text' }),
  predictionColumn: z.string().trim().min(1).max(200).default('prediction').register(CONFIG_FIELDS, { label: 'Prediction column', widget: 'text' }),
  probabilities: z.boolean().default(true).register(CONFIG_FIELDS, { label: 'Add class probabilities', hint: 'Classifiers: one `proba_<class>` column per class.', widget: 'checkbox' }),
});

export const ZNotifyConfigSchema = z.object({
  // (piped: registering the shared name schema itself would give every secret name this form entry)
  webhookSecret: z.string().trim().pipe(ZSecretNameSchema).register(CONFIG_FIELDS, { label: 'Webhook secret', hint: 'The project secret holding the webhook URL; add it to the node’s Secrets too.', widget: 'text' }),
  message: z.string().trim().min(1, 'A message is required').max(4_000).default('Run {run_id} of Weft finished its step {node_id}.').register(CONFIG_FIELDS, {
    label: 'Message',
    hint: 'Sent as Slack’s `text`; `{run_id}`, `{node_id}` and `{params.<name>}` are filled in; upstream verdicts and summaries follow.',
    widget: 'textarea',
    rows: 3,
  }),
  timeoutSeconds: z.number().min(1).max(120).default(10).register(CONFIG_FIELDS, { label: 'Timeout (seconds)', widget: 'number', step: 1 }),
});
