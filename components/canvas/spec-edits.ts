import { nodeKindDefinition, portsFit, renameNodeReferences, ZIdSchema, type TNodeKind, type TPipelineNode, type TPipelineSpec } from '@/workflows/dsl';

/**
 * Pure edits of a pipeline spec, the canvas's source of truth. Each returns a new spec and leaves
 * untouched nodes and edges as the same objects, so memoized node views do not re-render.
 */

export type TConnection = { source: string; sourceHandle: string | null; target: string; targetHandle: string | null };

/** `python_1`, `python_2`, …: the first number above every id of that kind already used. */
export function nextNodeId(spec: TPipelineSpec, kind: string): string {
  const prefix = `${kind}_`;
  let max = 0;
  for (const node of spec.nodes) {
    if (!node.id.startsWith(prefix)) continue;
    const n = Number(node.id.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${max + 1}`;
}

function nextEdgeId(spec: TPipelineSpec): string {
  let max = 0;
  for (const edge of spec.edges) {
    const n = Number(edge.id.replace(/^e_/, ''));
    if (edge.id.startsWith('e_') && Number.isInteger(n) && n > max) max = n;
  }
  return `e_${max + 1}`;
}

/** A node of `kind` with the kind's default config; `id` defaults to the next free one. */
export function addNode(spec: TPipelineSpec, kind: TNodeKind, position: { x: number; y: number }, id = nextNodeId(spec, kind)): TPipelineSpec {
  const definition = nodeKindDefinition(kind);
  const node: TPipelineNode = {
    id,
    kind,
    label: '',
    config: structuredClone({ ...(definition?.defaultConfig ?? {}) }),
    position: { x: Math.round(position.x), y: Math.round(position.y) },
  };
  return { ...spec, nodes: [...spec.nodes, node] };
}

/** The object without its undefined-valued keys: an optional field set to undefined is removed, not kept as a key. */
export function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Merges the patch into the node; a key patched to undefined is removed (e.g. `{ cache: undefined }` restores the default). */
export function updateNode(spec: TPipelineSpec, nodeId: string, patch: Partial<Omit<TPipelineNode, 'id'>>): TPipelineSpec {
  return { ...spec, nodes: spec.nodes.map((n) => (n.id === nodeId ? omitUndefined({ ...n, ...patch }) : n)) };
}

/** New positions (rounded); the same spec when nothing moved, so a click is not an edit. */
export function moveNodes(spec: TPipelineSpec, positions: ReadonlyMap<string, { x: number; y: number }>): TPipelineSpec {
  let moved = false;
  const nodes = spec.nodes.map((n) => {
    const p = positions.get(n.id);
    if (!p) return n;
    const position = { x: Math.round(p.x), y: Math.round(p.y) };
    if (position.x === n.position.x && position.y === n.position.y) return n;
    moved = true;
    return { ...n, position };
  });
  return moved ? { ...spec, nodes } : spec;
}

/** Removes the nodes, every edge touching them, and the given edges. */
export function removeElements(spec: TPipelineSpec, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): TPipelineSpec {
  const nodes = spec.nodes.filter((n) => !nodeIds.has(n.id));
  const edges = spec.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target));
  // React Flow reports a deleted node's edges separately: removing them again is not an edit.
  return nodes.length === spec.nodes.length && edges.length === spec.edges.length ? spec : { ...spec, nodes, edges };
}

/** Why a connection is refused, or null when it fits (ports exist, types fit, no self-loop, no duplicate). */
export function connectionProblem(spec: TPipelineSpec, c: TConnection): string | null {
  if (c.source === c.target) return 'A node cannot feed itself';
  const source = spec.nodes.find((n) => n.id === c.source);
  const target = spec.nodes.find((n) => n.id === c.target);
  const out = source && nodeKindDefinition(source.kind)?.outputs.find((p) => p.name === c.sourceHandle);
  const inp = target && nodeKindDefinition(target.kind)?.inputs.find((p) => p.name === c.targetHandle);
  if (!out || !inp) return 'Unknown port';
  if (!portsFit(out.type, inp.type)) return `${inp.label} takes ${inp.type}, not ${out.type}`;
  const duplicate = spec.edges.some(
    (e) => e.source === c.source && e.sourcePort === c.sourceHandle && e.target === c.target && e.targetPort === c.targetHandle,
  );
  return duplicate ? 'Already connected' : null;
}

export function connect(spec: TPipelineSpec, c: TConnection): TPipelineSpec {
  if (connectionProblem(spec, c) !== null || !c.sourceHandle || !c.targetHandle) return spec;
  const edge = { id: nextEdgeId(spec), source: c.source, sourcePort: c.sourceHandle, target: c.target, targetPort: c.targetHandle };
  return { ...spec, edges: [...spec.edges, edge] };
}

/** Why `next` cannot be the new id of node `id` (the DSL's id syntax, unique), or null when it can. */
export function nodeIdProblem(spec: TPipelineSpec, id: string, next: string): string | null {
  if (next === id) return null;
  const parsed = ZIdSchema.safeParse(next);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'Invalid id';
  return spec.nodes.some((n) => n.id === next) ? `Another node is already called "${next}"` : null;
}

/**
 * Renames a node: its edges follow, and every expression that reads `steps.<id>` reads the new id.
 * The same spec when the new id is refused (see nodeIdProblem) or unchanged.
 */
export function renameNode(spec: TPipelineSpec, id: string, next: string): TPipelineSpec {
  if (next === id || nodeIdProblem(spec, id, next) !== null || !spec.nodes.some((n) => n.id === id)) return spec;
  const renames = new Map([[id, next]]);
  const nodes = spec.nodes.map((n) => {
    const renamed = renameNodeReferences(n, renames);
    return n.id === id ? { ...renamed, id: next } : renamed;
  });
  const edges = spec.edges.map((e) =>
    e.source === id || e.target === id ? { ...e, source: e.source === id ? next : e.source, target: e.target === id ? next : e.target } : e,
  );
  return { ...spec, nodes, edges };
}
