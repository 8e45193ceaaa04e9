import { z } from 'zod';
import { EXECUTOR_CONFIG_SCHEMAS, ZForeachStepConfigSchema, ZSubpipelineConfigSchema } from './executor-configs';
import type { TExecutor } from './executors';
import { ZParameterDefinitionSchema } from './parameters';
import { ZStepResourcesSchema } from './resources';

/** The compiled plan: the one serializable input a pipelineRun workflow executes. */
export const ZPlanRetrySchema = z.object({
  maximumAttempts: z.number().int().min(1),
  initialIntervalMs: z.number().int().min(1),
  backoffCoefficient: z.number().min(1),
  maximumIntervalMs: z.number().int().min(1),
  nonRetryableErrorTypes: z.array(z.string()),
});

/** What every step has, whatever its executor. */
const ZPlanStepBaseSchema = z.object({
  nodeId: z.string(),
  kind: z.string(),
  label: z.string(),
  executorVersion: z.string(),
  pool: z.string(),
  taskQueue: z.string(),
  dependsOn: z.array(z.string()),
  /** the edges into this step: which upstream port feeds which input */
  inputs: z.array(z.object({ fromNode: z.string(), fromPort: z.string(), toPort: z.string() })),
  retry: ZPlanRetrySchema,
  startToCloseTimeoutMs: z.number().int().min(1),
  heartbeatTimeoutMs: z.number().int().min(1),
  scheduleToStartTimeoutMs: z.number().int().min(1),
  cache: z.boolean(),
  /** what the step was given on its pool (absent in plans compiled before pools had resources, and for interpreter steps) */
  resources: ZStepResourcesSchema.optional(),
  /** the project secrets the step gets in its environment, by name; their values never enter a plan */
  secrets: z.array(z.string()).optional(),
});

/**
 * A sub-pipeline step's config once compiled: the node's, with the referenced version and its
 * plan embedded (versions are immutable), and the node's timeout if it set one (the child run's
 * limit).
 */
const ZSubpipelineStepConfigSchema = ZSubpipelineConfigSchema.extend({
  versionId: z.string(),
  get plan() {
    return ZPlanSchema;
  },
  timeoutMs: z.number().int().min(1).optional(),
});

/** A step's config by executor: the node's config as compile parsed it, once (defaults applied); a for-each's may be an expanded kind's (executor-configs.ts). */
const STEP_CONFIG_SCHEMAS = { ...EXECUTOR_CONFIG_SCHEMAS, subpipeline: ZSubpipelineStepConfigSchema, foreach: ZForeachStepConfigSchema };

const stepSchema = <E extends TExecutor>(executor: E) => ZPlanStepBaseSchema.extend({ executor: z.literal(executor), config: STEP_CONFIG_SCHEMAS[executor] });

/** A plan step: one member per executor, its config typed by it. */
export const ZPlanStepSchema = z.discriminatedUnion('executor', [
  stepSchema('python'),
  stepSchema('shell'),
  stepSchema('noop'),
  stepSchema('python_library'),
  stepSchema('approval'),
  stepSchema('condition'),
  stepSchema('foreach'),
  stepSchema('subpipeline'),
  stepSchema('register_model'),
  stepSchema('promote_model'),
]);

export const ZPlanSchema = z.object({
  formatVersion: z.literal(1),
  steps: z.array(ZPlanStepSchema),
  maxParallelism: z.number().int().min(1),
  /** the defaults: what a run gets for a parameter it is not given */
  parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  /** the parameters' types and choices, to check a run's values against (plans compiled before parameters were typed have none: their defaults' types rule) */
  parameterDefinitions: z.record(z.string(), ZParameterDefinitionSchema).optional(),
});

export type TPlanRetry = z.infer<typeof ZPlanRetrySchema>;
export type TPlan = z.infer<typeof ZPlanSchema>;

/** A step's config, by executor. */
export type TStepConfig<E extends TExecutor> = z.output<(typeof STEP_CONFIG_SCHEMAS)[E]>;

/**
 * The plan step of executor E (of any executor, the union: TPlanStep). A mapped type, so that
 * code generic in E keeps a step's executor and config together: `TStepOf<E>['config']` is
 * `TStepConfig<E>` there too.
 */
export type TStepOf<E extends TExecutor = TExecutor> = { [X in E]: z.output<typeof ZPlanStepBaseSchema> & { executor: X; config: TStepConfig<X> } }[E];
export type TPlanStep = TStepOf;

/** What of a step its executor decides: the executor and its config, kept together (to build or change a step). */
export type TStepConfigPart<E extends TExecutor = TExecutor> = { [X in E]: { executor: X; config: TStepConfig<X> } }[E];
