import { z } from 'zod';
import { CONFIG_FIELDS } from './config-form';
import type { TExecutor } from './executors';
import { MAX_EXPRESSION_LENGTH, parseExpression } from './expression';
import { MAX_MODEL_NAME_LENGTH, ZAliasSchema } from './model-registry';
import { parseTagLines } from './model-steps';
import { ZPythonLibraryConfigSchema } from './ml-steps/library-kind';

/**
 * Each executor's config schema: validate() checks a node's config with it, compile() parses it
 * once (defaults applied) into the plan step's typed config, and the property panel renders its
 * form from it (each field registered in CONFIG_FIELDS with its label and widget).
 */
const ZPythonConfigSchema = z.object({
  code: z.string().trim().min(1, 'Python code is required').max(200_000).register(CONFIG_FIELDS, { label: 'Python code', widget: 'code-python' }),
});

const ZShellConfigSchema = z.object({
  command: z.string().trim().min(1, 'A shell command is required').max(50_000).register(CONFIG_FIELDS, { label: 'Shell command', widget: 'code-shell' }),
});

const ZNoopConfigSchema = z.object({
  sleepMs: z.number().int().min(0).max(3_600_000).default(0).register(CONFIG_FIELDS, { label: 'Wait (ms)', hint: '0 does nothing at all.', widget: 'number', step: 100 }),
});

// Not trimmed: error positions must count from the text the editor shows. A new schema per
// field: a field's form entry is registered on its schema.
const expressionSchema = () =>
  z
    .string()
    .max(MAX_EXPRESSION_LENGTH)
    .superRefine((source, ctx) => {
      if (source.trim() === '') return void ctx.addIssue({ code: 'custom', message: 'An expression is required' });
      const parsed = parseExpression(source);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error.message });
    });

/** What a for-each runs once per item: one of the pool step kinds, inline (`kind` is its executor). */
export const ZForeachBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('python'), ...ZPythonConfigSchema.shape }),
  z.object({ kind: z.literal('shell'), ...ZShellConfigSchema.shape }),
  z.object({ kind: z.literal('noop'), ...ZNoopConfigSchema.shape }),
]);

const ZForeachConfigSchema = z.object({
  /** evaluates to the list to fan out over, e.g. `params.regions` or `[1, 2, 3]` */
  items: expressionSchema().register(CONFIG_FIELDS, {
    label: 'Items',
    hint: 'An expression giving a list, e.g. [1, 2, 3] or a list an upstream step produced.',
    widget: 'expression',
  }),
  concurrency: z.number().int().min(1).max(500).default(16).register(CONFIG_FIELDS, { label: 'Concurrency', hint: 'How many items run at once.', widget: 'number', step: 1 }),
  step: ZForeachBodySchema.register(CONFIG_FIELDS, { label: 'Each item runs', widget: 'foreach-body' }),
});

/**
 * A for-each as a plan runs it: besides a body a user writes, one that compile() generates from
 * a kind that expands into a for-each (a Sweep, ml-steps/sweep.ts): an ML library module per
 * item, and a `reduce` module run once after every item succeeded, given the items' outputs as
 * its inputs (`item-<i>`), whose outputs become the for-each's (a sweep's best candidate).
 */
export const ZForeachStepBodySchema = z.discriminatedUnion('kind', [...ZForeachBodySchema.options, z.object({ kind: z.literal('python_library'), ...ZPythonLibraryConfigSchema.shape })]);
export const ZForeachStepConfigSchema = ZForeachConfigSchema.extend({ step: ZForeachStepBodySchema, reduce: ZPythonLibraryConfigSchema.optional() });

const ZConditionConfigSchema = z.object({
  expression: expressionSchema().register(CONFIG_FIELDS, {
    label: 'Expression',
    hint: 'Takes the “If true” or “If false” port, e.g. `steps.train.metrics.accuracy >= params.min_accuracy`.',
    widget: 'expression',
    rows: 3,
  }),
});

export const ZSubpipelineConfigSchema = z.object({
  pipelineId: z.uuid('Pick a pipeline').register(CONFIG_FIELDS, { label: 'Pipeline', widget: 'pipeline' }),
  versionNumber: z.number().int().min(1, 'Pick a saved version').register(CONFIG_FIELDS, { label: 'Version', hint: 'A saved version: what it runs never changes.', widget: 'pipeline-version' }),
});

const ZApprovalConfigSchema = z.object({
  instructions: z.string().max(2_000).default('').register(CONFIG_FIELDS, { label: 'Instructions', hint: 'Shown to the approver.', widget: 'textarea', rows: 4 }),
  timeoutHours: z.number().min(0.01).max(24 * 30).default(72).register(CONFIG_FIELDS, { label: 'Timeout (hours)', hint: 'The gate fails when nobody decides in time.', widget: 'number', step: 1 }),
});

const modelNameSchema = () =>
  z
    .string()
    .trim()
    .min(1, 'A model name is required')
    .max(MAX_MODEL_NAME_LENGTH)
    .register(CONFIG_FIELDS, { label: 'Model name', hint: 'The registered model (made on first use).', widget: 'text' });

const ZRegisterModelConfigSchema = z.object({
  modelName: modelNameSchema(),
  artifact: z
    .string()
    .trim()
    .max(500)
    .default('')
    .register(CONFIG_FIELDS, { label: 'Model artifact', hint: 'The upstream output to register, e.g. `model.pkl`; empty: the only one.', widget: 'text' }),
  tags: z
    .string()
    .max(10_000)
    .default('')
    .superRefine((text, ctx) => {
      const parsed = parseTagLines(text);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
    })
    .register(CONFIG_FIELDS, { label: 'Tags', hint: 'One `key=value` per line, set on the new version.', widget: 'textarea', rows: 3 }),
});

const ZPromoteModelConfigSchema = z.object({
  modelName: modelNameSchema(),
  alias: ZAliasSchema.default('champion').register(CONFIG_FIELDS, { label: 'Alias', hint: 'A protected alias (champion) waits for an approver; another moves at once.', widget: 'text' }),
  version: z
    .number()
    .int()
    .min(0)
    .default(0)
    .register(CONFIG_FIELDS, { label: 'Version', hint: '0: the version this run registered.', widget: 'number', step: 1 }),
  timeoutHours: z
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(168)
    .register(CONFIG_FIELDS, { label: 'Timeout (hours)', hint: 'The promotion expires, and the step fails, when nobody decides in time.', widget: 'number', step: 1 }),
});

/** Every executor's config schema: a node kind's config is its executor's (the catalog checks it). */
export const EXECUTOR_CONFIG_SCHEMAS = {
  python: ZPythonConfigSchema,
  shell: ZShellConfigSchema,
  noop: ZNoopConfigSchema,
  python_library: ZPythonLibraryConfigSchema,
  approval: ZApprovalConfigSchema,
  condition: ZConditionConfigSchema,
  foreach: ZForeachConfigSchema,
  subpipeline: ZSubpipelineConfigSchema,
  register_model: ZRegisterModelConfigSchema,
  promote_model: ZPromoteModelConfigSchema,
} as const satisfies Record<TExecutor, z.ZodObject>;

export type TExecutorConfigSchemas = typeof EXECUTOR_CONFIG_SCHEMAS;
/** A node's config as its executor's schema gives it: defaults applied. */
export type TExecutorConfig<E extends TExecutor> = z.output<TExecutorConfigSchemas[E]>;

export type TPythonConfig = TExecutorConfig<'python'>;
export type TShellConfig = TExecutorConfig<'shell'>;
export type TNoopConfig = TExecutorConfig<'noop'>;
export type TForeachBody = z.output<typeof ZForeachBodySchema>;
export type TForeachStepBody = z.output<typeof ZForeachStepBodySchema>;
