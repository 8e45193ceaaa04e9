import type { z } from 'zod';
import { EXECUTOR_CONFIG_SCHEMAS as CONFIGS, type TExecutorConfig, type TExecutorConfigSchemas } from './executor-configs';
import type { TExecutor } from './executors';
import { ML_EXPANDED_CATALOG, ML_NODE_CATALOG } from './ml-steps/ml-catalog';
import type { TLibraryKindDefinition } from './ml-steps/library-kind';
import type { TSweepKindDefinition } from './ml-steps/sweep';
import type { TKindBasics, TPort } from './ports';

export { PORT_TYPES, portsFit, type TPort, type TPortType } from './ports';

/**
 * A node kind: its executor (which runs it, executors.ts) and that executor's config schema
 * (executor-configs.ts), checked together: a kind's config is what its executor runs. The ML
 * library's kinds are the exception (ml-steps/library-kind.ts): each has a config schema of its
 * own that compiles into the one `python_library` executor config. `TNodeKindDefinition` alone
 * is the union over executors. A Sweep (ml-steps/sweep.ts) is a kind of its own again: its config
 * expands into a for-each at compile time.
 */
export type TNodeKindDefinition<E extends TExecutor = TExecutor> =
  | TExecutorKindDefinition<Exclude<E, 'python_library'>>
  | ('python_library' extends E ? TLibraryKindDefinition : never)
  | ('foreach' extends E ? TSweepKindDefinition : never);

/** The kinds whose config is their executor's. */
export type TExecutorKindDefinition<E extends Exclude<TExecutor, 'python_library'> = Exclude<TExecutor, 'python_library'>> = {
  [X in E]: TKindBasics & {
    executor: X;
    /** its executor's; also typed as a schema of that executor's config, so that code generic in the executor parses to its type */
    configSchema: TExecutorConfigSchemas[X] & z.ZodType<TExecutorConfig<X>>;
    defaultConfig: z.input<TExecutorConfigSchemas[X]>;
  };
}[E];

/** A new Python node's code: how a step reads its inputs and parameters, writes outputs and logs a metric. */
const DEFAULT_PYTHON_CODE = `import weft_step as weft

print("hello from Weft")
params = weft.params()  # the run's parameters, e.g. params.get("learning_rate")
for node, files in weft.inputs().items():  # upstream steps' files: weft.input_path("data.csv") opens one
    print("from", node, ":", sorted(files))

with open(weft.output_path("summary.txt"), "w") as out:  # files written here flow downstream
    out.write("done\\n")
weft.log_metric("rows", 1)  # shown on the canvas; conditions and approvals read it
`;

const flowIn: TPort = { name: 'in', type: 'any', required: false, label: 'After' };
const flowOut: TPort = { name: 'out', type: 'any', required: false, label: 'Then' };

/**
 * The node catalog: the closed set of node kinds. Each kind declares its config schema (the
 * property panel renders from it, validate() checks it), its typed ports, where it executes and
 * its default pool. Adding a node kind starts here (see README "Adding a node kind").
 */
export const NODE_CATALOG = {
  python: {
    kind: 'python',
    title: 'Python script',
    description: 'Runs Python code in the project virtual environment (pandas, scikit-learn).',
    executor: 'python',
    configSchema: CONFIGS.python,
    defaultConfig: { code: DEFAULT_PYTHON_CODE },
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
    configSchema: CONFIGS.shell,
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
    configSchema: CONFIGS.approval,
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
    configSchema: CONFIGS.condition,
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
    configSchema: CONFIGS.foreach,
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
    configSchema: CONFIGS.subpipeline,
    defaultConfig: { pipelineId: '', versionNumber: 1 },
    inputs: [flowIn],
    outputs: [flowOut],
    defaultPool: 'control',
    executorVersion: '1',
    cacheable: false,
  },
  register_model: {
    kind: 'register_model',
    title: 'Register model',
    description: "Registers an upstream step's model artifact as a new version of a registered model, with that step's run as its source.",
    executor: 'register_model',
    configSchema: CONFIGS.register_model,
    defaultConfig: { modelName: 'model', artifact: '', tags: '' },
    inputs: [{ name: 'model', type: 'model', required: true, label: 'Model' }],
    outputs: [{ name: 'version', type: 'model', required: false, label: 'Version' }],
    defaultPool: 'control',
    executorVersion: '1',
    cacheable: false,
  },
  promote_model: {
    kind: 'promote_model',
    title: 'Promote model',
    description: 'Moves an alias (champion) to a model version: a protected alias opens a promotion approval and the run waits for the decision.',
    executor: 'promote_model',
    configSchema: CONFIGS.promote_model,
    defaultConfig: { modelName: 'model', alias: 'champion', version: 0, timeoutHours: 168 },
    inputs: [{ name: 'version', type: 'model', required: true, label: 'Version' }],
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
    configSchema: CONFIGS.noop,
    defaultConfig: { sleepMs: 0 },
    inputs: [flowIn],
    outputs: [flowOut],
    defaultPool: 'cpu',
    executorVersion: '1',
    cacheable: true,
  },
  ...ML_NODE_CATALOG,
  ...ML_EXPANDED_CATALOG,
} as const satisfies Record<string, TNodeKindDefinition>;

export type TNodeKind = keyof typeof NODE_CATALOG;
export const NODE_KINDS = Object.keys(NODE_CATALOG) as TNodeKind[];

export function isNodeKind(kind: string): kind is TNodeKind {
  return Object.hasOwn(NODE_CATALOG, kind);
}

export function nodeKindDefinition(kind: string): TNodeKindDefinition | undefined {
  return isNodeKind(kind) ? NODE_CATALOG[kind] : undefined;
}

