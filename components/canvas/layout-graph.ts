import type { ElkNode } from 'elkjs/lib/elk-api';
import type { TPipelineSpec } from '@/workflows/dsl';

/**
 * Auto-layout, the part without ELK or a worker: what is sent to ELK (plain data: it crosses
 * postMessage), how its answer becomes positions, and when a pipeline needs laying out at all.
 */
type TPoint = { x: number; y: number };
type TSize = { width: number; height: number };

export type TLayoutRequest = {
  nodes: { id: string; width: number; height: number }[];
  edges: { id: string; source: string; target: string }[];
};

/** A node's size before React Flow has measured it (w-52, about two lines of text). */
export const DEFAULT_NODE_SIZE: TSize = { width: 208, height: 72 };

export function layoutRequest(spec: TPipelineSpec, sizes: ReadonlyMap<string, TSize> = new Map()): TLayoutRequest {
  return {
    nodes: spec.nodes.map((n) => ({ id: n.id, ...(sizes.get(n.id) ?? DEFAULT_NODE_SIZE) })),
    edges: spec.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}

// Left to right, as pipelines read; layers far enough apart for port names and arrowheads.
const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.separateConnectedComponents': 'true',
};

export function toElkGraph(request: TLayoutRequest): ElkNode {
  const ids = new Set(request.nodes.map((n) => n.id));
  return {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: request.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    // An edge to a node that does not exist (a spec with problems) would make ELK throw.
    edges: request.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

export function positionsFromElk(graph: ElkNode): Record<string, TPoint> {
  return Object.fromEntries((graph.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]));
}

/** The positions moved so that their top-left corner is `origin`: a tidy keeps the graph where it was. */
export function anchorAt(positions: Record<string, TPoint>, origin: TPoint): Map<string, TPoint> {
  const points = Object.values(positions);
  if (points.length === 0) return new Map();
  const dx = origin.x - Math.min(...points.map((p) => p.x));
  const dy = origin.y - Math.min(...points.map((p) => p.y));
  return new Map(Object.entries(positions).map(([id, p]) => [id, { x: p.x + dx, y: p.y + dy }]));
}

/** How many nodes overlap another one. A sweep over x, not every pair. */
export function overlappingNodes(spec: TPipelineSpec, size: TSize = DEFAULT_NODE_SIZE): number {
  const sorted = spec.nodes.map((n, index) => ({ ...n.position, index })).sort((a, b) => a.x - b.x);
  const overlapping = new Set<number>();
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + size.width; j++) {
      if (Math.abs(sorted[j]!.y - a.y) < size.height) overlapping.add(a.index).add(sorted[j]!.index);
    }
  }
  return overlapping.size;
}

export const hasOverlaps = (spec: TPipelineSpec): boolean => overlappingNodes(spec) > 0;

/**
 * Whether a pipeline looks laid out by nobody: imported or generated without positions (every node
 * at 0,0) or with made-up ones, i.e. a quarter of its nodes or more overlap. Two nodes a user
 * dropped on each other in a larger pipeline are theirs to move.
 */
export function needsLayout(spec: TPipelineSpec): boolean {
  const n = overlappingNodes(spec);
  return n >= 2 && n * 4 >= spec.nodes.length;
}
