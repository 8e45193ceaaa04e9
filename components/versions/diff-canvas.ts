import type { TPipelineSpec } from '@/workflows/dsl';
import { diffSpecs, edgeKey, type TSpecDiff } from '@/workflows/dsl/spec-diff';

export type TDiffMark = 'added' | 'removed' | 'changed';
export type TDiffMarks = { nodes: ReadonlyMap<string, TDiffMark>; edges: ReadonlyMap<string, TDiffMark> };
export type TDiffCanvas = { spec: TPipelineSpec; marks: TDiffMarks; diff: TSpecDiff };

/** Removed edges keep their place under an id of their own: the newer spec may reuse the old id for another connection. */
export const removedEdgeId = (id: string) => `removed:${id}`;

/**
 * Two specs drawn as one, for the version diff on the canvas: the newer spec, plus the nodes and
 * edges only the older one has (where they were), each marked added, removed or changed.
 */
export function diffCanvas(before: TPipelineSpec, after: TPipelineSpec): TDiffCanvas {
  const diff = diffSpecs(before, after);
  const nodes = new Map<string, TDiffMark>([
    ...diff.nodes.added.map((id) => [id, 'added'] as const),
    ...diff.nodes.removed.map((id) => [id, 'removed'] as const),
    ...diff.nodes.changed.map((c) => [c.id, 'changed'] as const),
  ]);
  const added = new Set(diff.edges.added);
  const removed = new Set(diff.edges.removed);
  const removedEdges = before.edges.filter((e) => removed.has(edgeKey(e))).map((e) => ({ ...e, id: removedEdgeId(e.id) }));
  const edges = new Map<string, TDiffMark>([
    ...after.edges.filter((e) => added.has(edgeKey(e))).map((e) => [e.id, 'added'] as const),
    ...removedEdges.map((e) => [e.id, 'removed'] as const),
  ]);
  const removedNodes = before.nodes.filter((n) => nodes.get(n.id) === 'removed');
  return {
    spec: { ...after, nodes: [...after.nodes, ...removedNodes], edges: [...after.edges, ...removedEdges] },
    marks: { nodes, edges },
    diff,
  };
}
