import { z } from 'zod';
import type { TExecutor } from './executors';
import { MAX_EXPRESSION_LENGTH, parseExpression } from './expression';

/**
 * Each executor's config schema: validate() checks a node's config with it, and compile() parses
 * it once (defaults applied) into the plan step's typed config.
 */
const ZPythonConfigSchema = z.object({
  code: z.string().trim().min(1, 'Python code is required').max(200_000),
});

const ZShellConfigSchema = z.object({
  command: z.string().trim().min(1, 'A shell command is required').max(50_000),
});

const ZNoopConfigSchema = z.object({
  sleepMs: z.number().int().min(0).max(3_600_000).default(0),
});

// Not trimmed: error positions must count from the text the editor shows.
const ZExpressionSchema = z
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
  items: ZExpressionSchema,
  concurrency: z.number().int().min(1).max(500).default(16),
  step: ZForeachBodySchema,
});

const ZConditionConfigSchema = z.object({ expression: ZExpressionSchema });

export const ZSubpipelineConfigSchema = z.object({
  pipelineId: z.uuid('Pick a pipeline'),
  versionNumber: z.number().int().min(1, 'Pick a saved version'),
});

const ZApprovalConfigSchema = z.object({
  instructions: z.string().max(2_000).default(''),
  timeoutHours: z.number().min(0.01).max(24 * 30).default(72),
});

/** Every executor's config schema: a node kind's config is its executor's (the catalog checks it). */
export const EXECUTOR_CONFIG_SCHEMAS = {
  python: ZPythonConfigSchema,
  shell: ZShellConfigSchema,
  noop: ZNoopConfigSchema,
  approval: ZApprovalConfigSchema,
  condition: ZConditionConfigSchema,
  foreach: ZForeachConfigSchema,
  subpipeline: ZSubpipelineConfigSchema,
} as const satisfies Record<TExecutor, z.ZodObject>;

export type TExecutorConfigSchemas = typeof EXECUTOR_CONFIG_SCHEMAS;
/** A node's config as its executor's schema gives it: defaults applied. */
export type TExecutorConfig<E extends TExecutor> = z.output<TExecutorConfigSchemas[E]>;

export type TPythonConfig = TExecutorConfig<'python'>;
export type TShellConfig = TExecutorConfig<'shell'>;
export type TNoopConfig = TExecutorConfig<'noop'>;
export type TForeachBody = z.output<typeof ZForeachBodySchema>;
