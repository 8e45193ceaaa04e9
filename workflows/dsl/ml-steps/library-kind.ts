import { z } from 'zod';
import type { TKindBasics } from '../ports';
import { loadDatasetArtifact } from './data-configs';

/**
 * The ML step library's kinds (Load dataset, Train, ...) are Python modules shipped in the repo
 * (workflows/executors/python-lib/weft_ml/<module>.py), all run by one executor, `python_library`.
 *
 * Why a kind-level config schema compiled into one executor config, rather than an executor per
 * kind: each kind needs a form and a validation of its own (a target column, a metric, a margin),
 * but they all run the same way as a python step (fork of the warm interpreter, sandbox, tracking
 * environment, artifacts in and out). So each kind keeps its own zod schema (the property panel
 * renders it, validate() checks it) and compile() turns the parsed config into
 * `{ module, params, ports }`, which the python executor path runs: nine kinds cost one executor,
 * one plan member and one runner entry, and adding a tenth touches no executor code.
 */
export const ML_MODULES = [
  'load_dataset',
  'validate_data',
  'split_dataset',
  'train_model',
  'train_torch',
  'evaluate_model',
  'compare_production',
  'drift_check',
  'batch_predict',
  'notify',
  // a Sweep's (ml-steps/sweep.ts): one candidate's training, and the pick of the best
  'sweep_candidate',
  'sweep_best',
] as const;
export type TMlModule = (typeof ML_MODULES)[number];

/**
 * A library step's config in the plan: which module runs, the kind's config as its schema parsed
 * it (defaults applied), and which upstream node and port feeds each of its input ports (a step's
 * inputs arrive by upstream node; the module picks a port's file by this).
 */
export const ZPythonLibraryConfigSchema = z.object({
  module: z.enum(ML_MODULES),
  params: z.record(z.string(), z.unknown()),
  ports: z.record(z.string(), z.object({ node: z.string(), port: z.string() })),
});
export type TPythonLibraryConfig = z.output<typeof ZPythonLibraryConfigSchema>;

export type TLibraryKindDefinition = TKindBasics & {
  executor: 'python_library';
  module: TMlModule;
  configSchema: z.ZodObject;
  defaultConfig: Record<string, unknown>;
  /** config fields that name a project secret the step reads: the node must list it in its Secrets */
  secretFields?: readonly string[];
};

/** compile(): a library node's step config, from its parsed config and the edges into it. */
export function libraryStepConfig(
  definition: TLibraryKindDefinition,
  config: unknown,
  inputs: readonly { fromNode: string; fromPort: string; toPort: string }[],
): TPythonLibraryConfig {
  const ports = Object.fromEntries(inputs.map((i) => [i.toPort, { node: i.fromNode, port: i.fromPort }]));
  return { module: definition.module, params: definition.configSchema.parse(config), ports };
}

/**
 * Whether a library step's outputs follow from what the step cache's key sees (its config and
 * input hashes). Not when it reads the run's parameters (a hyperparameter `params.<name>` compiles
 * to `{ param: name }`, Load dataset's artifact `params.<name>`), nor when it reads a file by
 * path (Load dataset: the file may change).
 */
export function libraryStepCacheable(config: TPythonLibraryConfig): boolean {
  const readsParameter = (value: unknown): boolean =>
    typeof value === 'object' && value !== null && (Object.hasOwn(value, 'param') || Object.values(value).some(readsParameter));
  const readsPath = config.module === 'load_dataset' && config.params.source === 'path';
  const readsArtifactParameter = config.module === 'load_dataset' && config.params.source === 'artifact' && String(config.params.artifact).startsWith('params.');
  return !readsParameter(config.params) && !readsPath && !readsArtifactParameter;
}

/**
 * The stored artifacts a library step reads by hash rather than from an upstream step (Load
 * dataset's artifact source): the pool worker hands them over like inputs and reports them for the
 * step's lineage. An error says why the step cannot run (no such parameter, not a sha256).
 */
export function libraryArtifactReads(config: TPythonLibraryConfig, params: Readonly<Record<string, unknown>>): { name: string; hash: string }[] | { error: string } {
  if (config.module !== 'load_dataset' || config.params.source !== 'artifact') return [];
  const read = loadDatasetArtifact(String(config.params.artifact), params);
  return 'error' in read ? read : [read];
}
