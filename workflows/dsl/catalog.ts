import { z } from 'zod';
import { MAX_EXPRESSION_LENGTH, parseExpression } from './expression';

/**
 * The node catalog: the closed set of node kinds. Each kind declares its config schema (the
 * property panel renders from it, validate() checks it), its typed ports, where it executes and
 * its default pool. Adding a node kind starts here (see README "Adding a node kind").
 */
export const PORT_TYPES = ['dataset', 'model', 'metrics', 'report', 'file', 'json', 'any'] as const;
export type TPortType = (typeof PORT_TYPES)[number];

export type TPort = { name: string; type: TPortType; required: boolean; label: string };

/** python, shell and noop run on a pool worker; approval and condition are handled by the interpreter itself. */
export type TExecutor = 'python' | 'shell' | 'approval' | 'noop' | 'condition' | 'foreach' | 'subpipeline';

export type TNodeKindDefinition<C extends z.ZodType = z.ZodType> = {
  kind: string;
  title: string;
  description: string;
  executor: TExecutor;
  configSchema: C;
  defaultConfig: z.input<C>;
  inputs: TPort[];
  outputs: TPort[];
  defaultPool: string;
  /** bumped when the executor's behaviour changes, so cached outputs of the old one are not reused */
  executorVersion: string;
  /** false for kinds whose effect is the point (approvals): never served from the cache */
  cacheable: boolean;
};

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

/** What a for-each runs once per item: one of the pool step kinds, inline. */
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

const ZSubpipelineConfigSchema = z.object({
  pipelineId: z.uuid('Pick a pipeline'),
  versionNumber: z.number().int().min(1, 'Pick a saved version'),
});

const ZApprovalConfigSchema = z.object({
  instructions: z.string().max(2_000).default(''),
  timeoutHours: z.number().min(0.01).max(24 * 30).default(72),
});

const flowIn: TPort = { name: 'in', type: 'any', required: false, label: 'After' };
const flowOut: TPort = { name: 'out', type: 'any', required: false, label: 'Then' };

export const NODE_CATALOG = {
  python: {
    kind: 'python',
    title: 'Python script',
    description: 'Runs Python code in the project virtual environment (pandas, scikit-learn).',
    executor: 'python',
    configSchema: ZPythonConfigSchema,
    defaultConfig: { code: 'print("hello from Weft")\n' },
    inputs: [flowIn],
    outputs: [flowOut],
    defaultPool: 'cpu',
    executorVersion: '1',
    cacheable: true,
  },
  shell: {
    kind: 'shell',
    title: 'Shell command',
    description: 'Runs a bash command in a scratch directory.',
    executor: 'shell',
    configSchema: ZShellConfigSchema,
    defaultConfig: { command: 'echo "hello from Weft"' },
    inputs: [flowIn],
    outputs: [flowOut],
    defaultPool: 'cpu',
    executorVersion: '1',
    cacheable: true,
  },
  approval: {
    kind: 'approval',
    title: 'Approval gate',
    description: 'Stops the run until a user with the approver role approves or rejects it.',
    executor: 'approval',
    configSchema: ZApprovalConfigSchema,
    defaultConfig: { instructions: '', timeoutHours: 72 },
    inputs: [{ ...flowIn, required: true }],
    outputs: [flowOut],
    defaultPool: 'control',
    executorVersion: '1',
    cacheable: false,
  },
  condition: {
    kind: 'condition',
    title: 'Condition',
    description: 'Takes the "true" or "false" branch from an expression over upstream metrics and parameters.',
    executor: 'condition',
    configSchema: ZConditionConfigSchema,
    defaultConfig: { expression: 'steps.train.metrics.accuracy >= 0.9' },
    inputs: [{ ...flowIn, required: true }],
    outputs: [
      { name: 'true', type: 'any', required: false, label: 'If true' },
      { name: 'false', type: 'any', required: false, label: 'If false' },
    ],
    defaultPool: 'control',
    executorVersion: '1',
    cacheable: false,
  },
  foreach: {
    kind: 'foreach',
    title: 'For each',
    description: 'Runs a Python, shell or no-op step once per item of a list, in parallel, and collects the results in order.',
    executor: 'foreach',
    configSchema: ZForeachConfigSchema,
    defaultConfig: { items: '[1, 2, 3]', concurrency: 16, step: { kind: 'shell', command: 'echo "item $WEFT_ITEM"' } },
    inputs: [flowIn],
    outputs: [flowOut],
    defaultPool: 'cpu',
    executorVersion: '1',
    cacheable: false,
  },
  subpipeline: {
    kind: 'subpipeline',
    title: 'Sub-pipeline',
    description: "Runs a saved version of another pipeline as one step (its own run, a child workflow); its final steps' outputs become this step's.",
    executor: 'subpipeline',
    configSchema: ZSubpipelineConfigSchema,
    defaultConfig: { pipelineId: '', versionNumber: 1 },
    inputs: [flowIn],
    outputs: [flowOut],
    defaultPool: 'control',
    executorVersion: '1',
    cacheable: false,
  },
  noop: {
    kind: 'noop',
    title: 'No-op',
    description: 'Does nothing (optionally waits): for wiring, tests and measuring orchestration overhead.',
    executor: 'noop',
    configSchema: ZNoopConfigSchema,
    defaultConfig: { sleepMs: 0 },
    inputs: [flowIn],
    outputs: [flowOut],
    defaultPool: 'cpu',
    executorVersion: '1',
    cacheable: true,
  },
} as const satisfies Record<string, TNodeKindDefinition>;

export type TNodeKind = keyof typeof NODE_CATALOG;
export const NODE_KINDS = Object.keys(NODE_CATALOG) as TNodeKind[];

export function isNodeKind(kind: string): kind is TNodeKind {
  return Object.hasOwn(NODE_CATALOG, kind);
}

export function nodeKindDefinition(kind: string): TNodeKindDefinition | undefined {
  return isNodeKind(kind) ? NODE_CATALOG[kind] : undefined;
}

export type TPythonConfig = z.infer<typeof ZPythonConfigSchema>;
export type TShellConfig = z.infer<typeof ZShellConfigSchema>;
export type TApprovalConfig = z.infer<typeof ZApprovalConfigSchema>;
export type TNoopConfig = z.infer<typeof ZNoopConfigSchema>;
export type TConditionConfig = z.infer<typeof ZConditionConfigSchema>;
export type TForeachConfig = z.infer<typeof ZForeachConfigSchema>;
export type TSubpipelineConfig = z.infer<typeof ZSubpipelineConfigSchema>;

/** A target port accepts a source port when the types match or either side is `any`. */
export function portsFit(source: TPortType, target: TPortType): boolean {
  return source === target || source === 'any' || target === 'any';
}
