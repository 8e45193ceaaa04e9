import { NODE_CATALOG, type TExecutorKindDefinition, type TNodeKind, type TNodeKindDefinition } from './catalog';
import type { TExecutorConfig } from './executor-configs';
import type { TExecutor } from './executors';
import { topologicalOrder } from './graph';
import { libraryStepCacheable, libraryStepConfig } from './ml-steps/library-kind';
import { sweepStepConfig } from './ml-steps/sweep';
import { parameterDefaults, parameterDefinitions } from './parameters';
import type { TPlan, TPlanStep, TStepConfigPart } from './plan';
import { poolTaskQueue, CONTROL_TASK_QUEUE } from './task-queues';
import type { TSpecProblem } from './problems';
import { DEFAULT_POOLS, resolveResources, type TPoolCatalogEntry } from './resources';
import type { TPipelineNode } from './spec';
import { validateSpec } from './validate';

export const DEFAULT_RETRY = { maxAttempts: 3, initialIntervalSeconds: 1, backoffCoefficient: 2, maxIntervalSeconds: 60 };
export const DEFAULT_TIMEOUT_SECONDS = 3_600;
/** Steps heartbeat every few seconds; a worker silent this long is taken for dead and the step retried. */
export const HEARTBEAT_TIMEOUT_MS = 30_000;
/** A step still waiting for a worker after this long is flagged on the run ("no worker in pool X"). */
export const SCHEDULE_TO_START_FLAG_MS = 60_000;

export type TCompileResult = { ok: true; plan: TPlan } | { ok: false; problems: TSpecProblem[] };

/** The saved versions that sub-pipeline nodes refer to, looked up by the caller (compile does no I/O). */
export type TResolvedSubpipelines = Record<string, { versionId: string; plan: TPlan }>;

/** validate + normalize: the topologically ordered plan a workflow executes. */
export function compileSpec(input: unknown, subpipelines: TResolvedSubpipelines = {}, pools: readonly TPoolCatalogEntry[] = DEFAULT_POOLS): TCompileResult {
  const validation = validateSpec(input, pools);
  if (!validation.ok) return { ok: false, problems: validation.problems };
  const spec = validation.spec;
  const unresolved = spec.nodes.filter((n) => n.kind === 'subpipeline' && !subpipelines[n.id]);
  if (unresolved.length > 0) {
    return {
      ok: false,
      problems: unresolved.map((n) => ({ code: 'invalid_config', nodeId: n.id, field: 'config.versionNumber', message: 'config.versionNumber: no such saved version of that pipeline in this project' })),
    };
  }
  const { order } = topologicalOrder(
    spec.nodes.map((n) => n.id),
    spec.edges,
  );
  const byId = new Map(spec.nodes.map((n) => [n.id, n]));
  const incoming = new Map<string, TPlanStep['inputs']>(spec.nodes.map((n) => [n.id, []]));
  for (const edge of spec.edges) incoming.get(edge.target)?.push({ fromNode: edge.source, fromPort: edge.sourcePort, toPort: edge.targetPort });
  const steps = order.map((id) => compileNode(byId.get(id)!, incoming.get(id)!, pools, spec.maxParallelism, subpipelines[id]));
  const parameters = Object.keys(spec.parameters).length > 0 ? { parameters: parameterDefaults(spec.parameters), parameterDefinitions: parameterDefinitions(spec.parameters) } : { parameters: {} };
  return { ok: true, plan: { formatVersion: 1, steps, maxParallelism: spec.maxParallelism, ...parameters } };
}

function compileNode(node: TPipelineNode, inputs: TPlanStep['inputs'], pools: readonly TPoolCatalogEntry[], maxParallelism: number, subpipeline?: TResolvedSubpipelines[string]): TPlanStep {
  const definition: TNodeKindDefinition = NODE_CATALOG[node.kind as TNodeKind];
  const retry = { ...DEFAULT_RETRY, ...node.retry };
  // validated above: a pool-run node resolves
  const placement = definition.defaultPool === 'control' ? undefined : resolveResources(node.resources, definition.defaultPool, pools);
  const pool = placement?.ok ? placement.pool.name : definition.defaultPool;
  const initialIntervalMs = Math.round(retry.initialIntervalSeconds * 1000);
  // Temporal rejects a retry policy whose maximumInterval is below its initialInterval.
  const maximumIntervalMs = Math.max(
    initialIntervalMs,
    Math.round((retry.maxIntervalSeconds ?? DEFAULT_RETRY.maxIntervalSeconds) * 1000),
  );
  const config = stepConfig(node, definition, inputs, maxParallelism, subpipeline);
  return {
    nodeId: node.id,
    kind: node.kind,
    label: node.label || definition.title,
    ...config,
    pool,
    taskQueue: pool === 'control' ? CONTROL_TASK_QUEUE : poolTaskQueue(pool),
    executorVersion: definition.executorVersion,
    dependsOn: [...new Set(inputs.map((i) => i.fromNode))],
    inputs,
    retry: {
      maximumAttempts: retry.maxAttempts,
      initialIntervalMs,
      backoffCoefficient: retry.backoffCoefficient,
      maximumIntervalMs,
      nonRetryableErrorTypes: retry.nonRetryableErrorTypes ?? [],
    },
    startToCloseTimeoutMs: (node.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    heartbeatTimeoutMs: node.heartbeatTimeoutSeconds ? node.heartbeatTimeoutSeconds * 1000 : HEARTBEAT_TIMEOUT_MS,
    scheduleToStartTimeoutMs:
      (node.scheduleToStartTimeoutSeconds ?? (placement?.ok ? placement.pool.scheduleToStartSeconds : undefined) ?? SCHEDULE_TO_START_FLAG_MS / 1000) * 1000,
    // a step's outputs may depend on its secrets' values, which no cache key may see
    // (nor an ML library step's on what its config only names: run parameters, a file's path)
    cache: definition.cacheable && (node.cache ?? true) && !node.secrets?.length && (config.executor !== 'python_library' || libraryStepCacheable(config.config)),
    ...(placement?.ok ? { resources: placement.resources } : {}),
    // (absent when none: plans, and their hashes, of nodes without secrets stay as they were)
    ...(node.secrets?.length ? { secrets: node.secrets } : {}),
  };
}

/**
 * The node's config, parsed once (defaults applied); a sub-pipeline's gets what its child run
 * needs; an ML library kind's becomes its module's call (ml-steps/library-kind.ts); a Sweep's
 * its for-each over candidates (ml-steps/sweep.ts).
 */
function stepConfig(node: TPipelineNode, definition: TNodeKindDefinition, inputs: TPlanStep['inputs'], maxParallelism: number, subpipeline?: TResolvedSubpipelines[string]): TStepConfigPart {
  if (definition.executor === 'python_library') return { executor: 'python_library', config: libraryStepConfig(definition, node.config, inputs) };
  if ('expansion' in definition) return sweepStepConfig(node.config, inputs, maxParallelism);
  const parsed = parsedConfig(definition, node.config);
  if (parsed.executor !== 'subpipeline') return parsed;
  // (resolved: compileSpec refuses a sub-pipeline node without its version)
  const { versionId, plan } = subpipeline!;
  // a sub-pipeline's run has a limit only when its node sets one (it may wait days at a gate)
  return { executor: 'subpipeline', config: { ...parsed.config, versionId, plan, ...(node.timeoutSeconds ? { timeoutMs: node.timeoutSeconds * 1000 } : {}) } };
}

/** Parsed by the kind's schema (its executor's); generic, so that the result keeps the executor and its config together. */
function parsedConfig<E extends Exclude<TExecutor, 'python_library'>>(definition: TExecutorKindDefinition<E>, config: unknown): { [X in E]: { executor: X; config: TExecutorConfig<X> } }[E] {
  return { executor: definition.executor, config: definition.configSchema.parse(config) };
}
