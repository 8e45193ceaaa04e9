import { NODE_CATALOG, type TNodeKind } from './catalog';
import { topologicalOrder } from './graph';
import { poolTaskQueue, CONTROL_TASK_QUEUE, type TPlan, type TPlanStep } from './plan';
import type { TSpecProblem } from './problems';
import type { TPipelineNode } from './spec';
import { validateSpec } from './validate';

export const DEFAULT_RETRY = { maxAttempts: 3, initialIntervalSeconds: 1, backoffCoefficient: 2, maxIntervalSeconds: 60 };
export const DEFAULT_TIMEOUT_SECONDS = 3_600;
/** Steps heartbeat every few seconds; a worker silent this long is taken for dead and the step retried. */
export const HEARTBEAT_TIMEOUT_MS = 30_000;

export type TCompileResult = { ok: true; plan: TPlan } | { ok: false; problems: TSpecProblem[] };

/** validate + normalize: the topologically ordered plan a workflow executes. */
export function compileSpec(input: unknown): TCompileResult {
  const validation = validateSpec(input);
  if (!validation.ok) return { ok: false, problems: validation.problems };
  const spec = validation.spec;
  const { order } = topologicalOrder(
    spec.nodes.map((n) => n.id),
    spec.edges,
  );
  const byId = new Map(spec.nodes.map((n) => [n.id, n]));
  const upstream = new Map<string, Set<string>>(spec.nodes.map((n) => [n.id, new Set<string>()]));
  for (const edge of spec.edges) upstream.get(edge.target)?.add(edge.source);
  const steps = order.map((id) => compileNode(byId.get(id)!, [...upstream.get(id)!]));
  return { ok: true, plan: { formatVersion: 1, steps, maxParallelism: spec.maxParallelism, parameters: spec.parameters } };
}

function compileNode(node: TPipelineNode, dependsOn: string[]): TPlanStep {
  const definition = NODE_CATALOG[node.kind as TNodeKind];
  const retry = { ...DEFAULT_RETRY, ...node.retry };
  const pool = definition.defaultPool;
  const initialIntervalMs = Math.round(retry.initialIntervalSeconds * 1000);
  // Temporal rejects a retry policy whose maximumInterval is below its initialInterval.
  const maximumIntervalMs = Math.max(
    initialIntervalMs,
    Math.round((retry.maxIntervalSeconds ?? DEFAULT_RETRY.maxIntervalSeconds) * 1000),
  );
  return {
    nodeId: node.id,
    kind: node.kind,
    label: node.label || definition.title,
    executor: definition.executor,
    config: definition.configSchema.parse(node.config) as Record<string, unknown>,
    pool,
    taskQueue: definition.executor === 'approval' ? CONTROL_TASK_QUEUE : poolTaskQueue(pool),
    dependsOn,
    retry: {
      maximumAttempts: retry.maxAttempts,
      initialIntervalMs,
      backoffCoefficient: retry.backoffCoefficient,
      maximumIntervalMs,
    },
    startToCloseTimeoutMs: (node.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
  };
}
