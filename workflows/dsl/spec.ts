import { z } from 'zod';
import { ZSpecParametersSchema } from './parameters';
import { refuseNestedReservedKeys } from './reserved-keys';
import { ZNodeResourcesSchema } from './resources';
import { ZNodeSecretsSchema } from './secret-names';

/**
 * The pipeline spec: what the canvas edits and what a pipeline version stores.
 * `kind` and `config` are deliberately loose here: an unknown kind or a bad config is a
 * validation problem reported on the node (see validate.ts), not a parse error for the whole spec.
 */
export const ZIdSchema = z
  .string()
  .min(1, 'Id is required')
  .max(64, 'Id is at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'Id may hold only letters, digits, "_" and "-"');

export const ZRetrySchema = z.object({
  maxAttempts: z.number().int().min(1).max(20),
  initialIntervalSeconds: z.number().min(0.1).max(3600),
  backoffCoefficient: z.number().min(1).max(10),
  maxIntervalSeconds: z.number().min(0.1).max(86_400).optional(),
  /** error types (the `type` of a step failure, e.g. `StepFailed`) that retrying cannot fix */
  nonRetryableErrorTypes: z.array(z.string().min(1).max(100)).max(20).optional(),
});

export const ZPositionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

export const ZNodeSchema = z.object({
  id: ZIdSchema,
  kind: z.string().min(1).max(64),
  label: z.string().max(120).default(''),
  config: z.record(z.string(), z.unknown()).superRefine(refuseNestedReservedKeys).default({}),
  position: ZPositionSchema.default({ x: 0, y: 0 }),
  retry: ZRetrySchema.optional(),
  /** start-to-close limit of one attempt */
  timeoutSeconds: z.number().int().min(1).max(7 * 86_400).optional(),
  /** a running step silent for this long is taken for lost (its worker died) and retried */
  heartbeatTimeoutSeconds: z.number().int().min(1).max(3_600).optional(),
  /** how long a step may wait for a worker of its pool before the run flags it */
  scheduleToStartTimeoutSeconds: z.number().int().min(1).max(7 * 86_400).optional(),
  /** reuse the outputs of an identical earlier execution (same kind, config, executor version and inputs) */
  cache: z.boolean().optional(),
  /** where it runs and what it needs (pool-run kinds only); left out: the kind's default pool and its defaults */
  resources: ZNodeResourcesSchema.optional(),
  /** project secrets the step gets as environment variables, by name (pool-run kinds only) */
  secrets: ZNodeSecretsSchema.optional(),
});

export const ZEdgeSchema = z.object({
  id: ZIdSchema,
  source: ZIdSchema,
  sourcePort: z.string().min(1).max(64),
  target: ZIdSchema,
  targetPort: z.string().min(1).max(64),
});

export const ZPipelineSpecSchema = z.object({
  nodes: z.array(ZNodeSchema).max(5_000),
  edges: z.array(ZEdgeSchema).max(20_000),
  parameters: ZSpecParametersSchema.default({}),
  maxParallelism: z.number().int().min(1).max(1_000).default(8),
});

export type TRetry = z.infer<typeof ZRetrySchema>;
export type TPipelineNode = z.infer<typeof ZNodeSchema>;
export type TPipelineEdge = z.infer<typeof ZEdgeSchema>;
export type TPipelineSpec = z.infer<typeof ZPipelineSpecSchema>;

export const emptySpec = (): TPipelineSpec => ({ nodes: [], edges: [], parameters: {}, maxParallelism: 8 });
