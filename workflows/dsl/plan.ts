import { z } from 'zod';
import { ZStepResourcesSchema } from './resources';

/** The compiled plan: the one serializable input a pipelineRun workflow executes. */
export const ZPlanRetrySchema = z.object({
  maximumAttempts: z.number().int().min(1),
  initialIntervalMs: z.number().int().min(1),
  backoffCoefficient: z.number().min(1),
  maximumIntervalMs: z.number().int().min(1),
  nonRetryableErrorTypes: z.array(z.string()),
});

export const ZPlanStepSchema = z.object({
  nodeId: z.string(),
  kind: z.string(),
  label: z.string(),
  executor: z.enum(['python', 'shell', 'approval', 'noop', 'condition', 'foreach', 'subpipeline']),
  executorVersion: z.string(),
  config: z.record(z.string(), z.unknown()),
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
});

export const ZPlanSchema = z.object({
  formatVersion: z.literal(1),
  steps: z.array(ZPlanStepSchema),
  maxParallelism: z.number().int().min(1),
  parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

/**
 * A sub-pipeline step's config once compiled: the referenced version and its plan, embedded
 * (versions are immutable), and the node's timeout if it set one (the child run's limit).
 */
export type TSubpipelineStepConfig = { pipelineId: string; versionNumber: number; versionId: string; plan: TPlan; timeoutMs?: number };

export type TPlanRetry = z.infer<typeof ZPlanRetrySchema>;
export type TPlanStep = z.infer<typeof ZPlanStepSchema>;
export type TPlan = z.infer<typeof ZPlanSchema>;

