/**
 * Small builders for pipeline specs in unit tests. They produce the spec's *input* shape (what the
 * canvas sends), so defaults (label, position, parameters, maxParallelism) are left to the schema.
 */
import type { z } from 'zod';
import type { TPlan, TPlanStep } from './plan';
import type { ZEdgeSchema, ZNodeSchema, ZPipelineSpecSchema } from './spec';

export type TNodeInput = z.input<typeof ZNodeSchema>;
export type TEdgeInput = z.input<typeof ZEdgeSchema>;
export type TSpecInput = z.input<typeof ZPipelineSpecSchema>;

export const pythonNode = (id: string, extra: Partial<TNodeInput> = {}): TNodeInput => ({
  id,
  kind: 'python',
  config: { code: `print("${id}")` },
  ...extra,
});

export const shellNode = (id: string, extra: Partial<TNodeInput> = {}): TNodeInput => ({
  id,
  kind: 'shell',
  config: { command: `echo ${id}` },
  ...extra,
});

export const approvalNode = (id: string, extra: Partial<TNodeInput> = {}): TNodeInput => ({
  id,
  kind: 'approval',
  config: {},
  ...extra,
});

export const conditionNode = (id: string, expression: string, extra: Partial<TNodeInput> = {}): TNodeInput => ({
  id,
  kind: 'condition',
  config: { expression },
  ...extra,
});

/** A flow edge `source.out → target.in`, id `source-target` unless given. */
export const edge = (source: string, target: string, extra: Partial<TEdgeInput> = {}): TEdgeInput => ({
  id: `${source}-${target}`,
  source,
  sourcePort: 'out',
  target,
  targetPort: 'in',
  ...extra,
});

/** The edge a condition's `true` or `false` port sends to `target.in`, id `condition-port-target`. */
export const branchEdge = (condition: string, port: 'true' | 'false', target: string): TEdgeInput =>
  edge(condition, target, { id: `${condition}-${port}-${target}`, sourcePort: port });

export const spec = (nodes: TNodeInput[], edges: TEdgeInput[] = [], extra: Partial<TSpecInput> = {}): TSpecInput => ({
  nodes,
  edges,
  ...extra,
});

/** python n0 → n1 → … → n(length-1) */
export function chainSpec(length: number): TSpecInput {
  const nodes = Array.from({ length }, (_, i) => pythonNode(`n${i}`));
  const edges = Array.from({ length: Math.max(0, length - 1) }, (_, i) => edge(`n${i}`, `n${i + 1}`));
  return spec(nodes, edges);
}

/**
 * A plan built by hand for run-state tests: only nodeId, dependsOn and inputs matter there. Each
 * dependency is `node` (an edge from its `out` port) or `node:port` (e.g. `check:true`). Steps
 * must be listed in topological order, as compileSpec lists them.
 */
export function planOf(steps: Record<string, string[]>, maxParallelism = 8): TPlan {
  return {
    formatVersion: 1,
    maxParallelism,
    parameters: {},
    steps: Object.entries(steps).map(([nodeId, sources]): TPlanStep => {
      const inputs = sources.map((source) => {
        const [fromNode = source, fromPort = 'out'] = source.split(':');
        return { fromNode, fromPort, toPort: 'in' };
      });
      return {
        nodeId,
        kind: 'python',
        label: nodeId,
        executor: 'python',
        config: { code: 'pass' },
        pool: 'cpu',
        taskQueue: 'weft-pool-cpu',
        executorVersion: '1',
        dependsOn: [...new Set(inputs.map((i) => i.fromNode))],
        inputs,
        retry: { maximumAttempts: 1, initialIntervalMs: 1000, backoffCoefficient: 2, maximumIntervalMs: 60_000, nonRetryableErrorTypes: [] },
        startToCloseTimeoutMs: 60_000,
        heartbeatTimeoutMs: 30_000,
        scheduleToStartTimeoutMs: 60_000,
        cache: true,
      };
    }),
  };
}
