import { z } from 'zod';
import { renameNodeReferences, ZEdgeSchema, ZNodeSchema, type TPipelineEdge, type TPipelineNode, type TPipelineSpec } from '@/workflows/dsl';
import { idAllocator } from './id-allocator';

/**
 * Copy and paste of a part of a spec, as JSON on the clipboard, so it travels between pipelines
 * and tabs. A paste gets fresh ids, keeps the edges between pasted nodes, and rewrites references
 * to pasted nodes (`steps.<id>` in expressions) to the copies.
 */
export type TSpecFragment = { nodes: readonly TPipelineNode[]; edges: readonly TPipelineEdge[] };

const FRAGMENT_TYPE = 'weft/spec-fragment';
const ZClipboardSchema = z.object({
  type: z.literal(FRAGMENT_TYPE),
  version: z.literal(1),
  nodes: z.array(ZNodeSchema).min(1).max(5_000),
  edges: z.array(ZEdgeSchema).max(20_000),
});

/** The selected nodes and the edges between them; null when nothing is selected. */
export function copyFragment(spec: TPipelineSpec, nodeIds: ReadonlySet<string>): TSpecFragment | null {
  const nodes = spec.nodes.filter((n) => nodeIds.has(n.id));
  if (nodes.length === 0) return null;
  return { nodes, edges: spec.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)) };
}

export const serializeFragment = (fragment: TSpecFragment): string => JSON.stringify({ type: FRAGMENT_TYPE, version: 1, ...fragment });

/** The fragment in clipboard text, or null for anything else (text copied elsewhere, a bad payload). */
export function parseFragment(text: string): TSpecFragment | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = ZClipboardSchema.safeParse(json);
  return parsed.success ? { nodes: parsed.data.nodes, edges: parsed.data.edges } : null;
}

/** Adds copies of the fragment with their top-left corner at `at`; returns the new spec and the copies' ids. */
export function pasteFragment(spec: TPipelineSpec, fragment: TSpecFragment, at: { x: number; y: number }): { spec: TPipelineSpec; nodeIds: string[] } {
  const nodeId = idAllocator(spec.nodes.map((n) => n.id));
  const edgeId = idAllocator(spec.edges.map((e) => e.id));
  const renames = new Map(fragment.nodes.map((n) => [n.id, nodeId(n.id)]));
  const left = Math.min(...fragment.nodes.map((n) => n.position.x));
  const top = Math.min(...fragment.nodes.map((n) => n.position.y));
  const nodes = fragment.nodes.map((n) => ({
    ...renameNodeReferences(n, renames),
    id: renames.get(n.id)!,
    position: { x: Math.round(at.x + n.position.x - left), y: Math.round(at.y + n.position.y - top) },
  }));
  const edges = fragment.edges.flatMap((e) => {
    const source = renames.get(e.source);
    const target = renames.get(e.target);
    return source && target ? [{ ...e, id: edgeId('e'), source, target }] : [];
  });
  return { spec: { ...spec, nodes: [...spec.nodes, ...nodes], edges: [...spec.edges, ...edges] }, nodeIds: nodes.map((n) => n.id) };
}
