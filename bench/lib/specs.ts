// Pipeline specs the bench runs: chains and a static fan-out, built the way the canvas saves them.
import type { TPipelineSpec } from '../../workflows/dsl';

type TNode = TPipelineSpec['nodes'][number];
type TEdge = TPipelineSpec['edges'][number];

const node = (id: string, kind: string, config: Record<string, unknown>, x: number, y: number): TNode => ({
  id,
  kind,
  label: id,
  config,
  position: { x, y },
  // no caching shortcut: every step really runs
  cache: false,
});
const edge = (id: string, source: string, target: string): TEdge => ({ id, source, sourcePort: 'out', target, targetPort: 'in' });

/** n nodes of one kind, each after the previous one. */
export function chainSpec(n: number, kind: string, config: Record<string, unknown>): TPipelineSpec {
  const nodes = Array.from({ length: n }, (_, i) => node(`s${i + 1}`, kind, config, i * 250, 0));
  const edges = nodes.slice(1).map((to, i) => edge(`e${i + 1}`, nodes[i]!.id, to.id));
  return { nodes, edges, parameters: {}, maxParallelism: 8 };
}

export const noopChain = (n: number) => chainSpec(n, 'noop', { sleepMs: 0 });
export const pythonChain = (n: number, code = 'pass') => chainSpec(n, 'python', { code });

/** start → `width` parallel no-ops → end (width + 2 nodes), all of them allowed to run at once. */
export function fanOutSpec(width: number): TPipelineSpec {
  const branches = Array.from({ length: width }, (_, i) => node(`b${i + 1}`, 'noop', { sleepMs: 0 }, 250, i * 100));
  const nodes = [node('start', 'noop', { sleepMs: 0 }, 0, 0), ...branches, node('end', 'noop', { sleepMs: 0 }, 500, 0)];
  const edges = branches.flatMap((b, i) => [edge(`in${i + 1}`, 'start', b.id), edge(`out${i + 1}`, b.id, 'end')]);
  return { nodes, edges, parameters: {}, maxParallelism: Math.min(1_000, width) };
}

/**
 * One for-each node running a no-op per item. Its items are an expression; the first candidate
 * that validates is used: `range(n)` if the expression language has it, else a literal list of n
 * items, else the longest literal list that fits the expression length limit (said in `items`).
 * `concurrency` falls back to the kind's default when the schema refuses it.
 */
export function foreachSpec(
  n: number,
  concurrency: number,
  validates: (spec: TPipelineSpec) => boolean,
): { spec: TPipelineSpec; items: number; expression: string; concurrency: number | 'default' } | undefined {
  const make = (items: string, c: number | undefined): TPipelineSpec => ({
    nodes: [node('each', 'foreach', { items, ...(c === undefined ? {} : { concurrency: c }), step: { kind: 'noop', sleepMs: 0 } }, 0, 0)],
    edges: [],
    parameters: {},
    // a for-each holds one of these slots per item it runs at once: enough for its concurrency
    maxParallelism: c ?? 8,
  });
  const literal = (k: number) => `[${Array.from({ length: k }, () => '1').join(',')}]`;
  for (const c of [concurrency, undefined]) {
    for (const [items, expression] of [
      [n, `range(${n})`],
      [n, literal(n)],
      [n - 1, literal(n - 1)],
    ] as const) {
      const spec = make(expression, c);
      if (validates(spec)) return { spec, items, expression: expression.length > 40 ? `a literal list of ${items} items` : expression, concurrency: c ?? 'default' };
    }
  }
  return undefined;
}
