import { canonicalJson } from './canonical-json';
import type { TPipelineSpec } from './spec';

export type TFieldChange = { path: string; before: unknown; after: unknown };
export type TSpecDiff = {
  nodes: { added: string[]; removed: string[]; changed: { id: string; fields: TFieldChange[] }[] };
  edges: { added: string[]; removed: string[] };
  parameters: TFieldChange[];
  /** maxParallelism and anything else of the spec itself */
  settings: TFieldChange[];
  identical: boolean;
};

type TNode = TPipelineSpec['nodes'][number];
/** Where a node sits is not a change of the pipeline: moving nodes changes no behaviour. */
const IGNORED_NODE_FIELDS = new Set(['position']);
/** An edge is what it connects, not its id: the same connection under a new id is no change. */
export const edgeKey = (e: TPipelineSpec['edges'][number]) => `${e.source}.${e.sourcePort} → ${e.target}.${e.targetPort}`;
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * What changed from one spec to another, for the version diff: nodes added, removed and changed
 * (field by field, config keys one by one), edges by what they connect (not their ids),
 * parameters and settings. Positions are not changes.
 */
export function diffSpecs(before: TPipelineSpec, after: TPipelineSpec): TSpecDiff {
  const was = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const changed = after.nodes.flatMap((node) => {
    const old = was.get(node.id);
    if (!old) return [];
    const fields = nodeChanges(old, node);
    return fields.length ? [{ id: node.id, fields }] : [];
  });
  const oldEdges = new Set(before.edges.map(edgeKey));
  const newEdges = new Set(after.edges.map(edgeKey));
  const diff: TSpecDiff = {
    nodes: { added: [...now.keys()].filter((id) => !was.has(id)), removed: [...was.keys()].filter((id) => !now.has(id)), changed },
    edges: { added: [...newEdges].filter((k) => !oldEdges.has(k)), removed: [...oldEdges].filter((k) => !newEdges.has(k)) },
    parameters: recordChanges('', before.parameters, after.parameters),
    settings: same(before.maxParallelism, after.maxParallelism) ? [] : [{ path: 'maxParallelism', before: before.maxParallelism, after: after.maxParallelism }],
    identical: false,
  };
  diff.identical = !diff.nodes.added.length && !diff.nodes.removed.length && !changed.length && !diff.edges.added.length && !diff.edges.removed.length && !diff.parameters.length && !diff.settings.length;
  return diff;
}

function nodeChanges(before: TNode, after: TNode): TFieldChange[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((k) => !IGNORED_NODE_FIELDS.has(k)));
  return [...keys].sort().flatMap((key) => {
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (key === 'config') return recordChanges('config.', a as Record<string, unknown>, b as Record<string, unknown>);
    return same(a, b) ? [] : [{ path: key, before: a, after: b }];
  });
}

function recordChanges(prefix: string, before: Record<string, unknown> = {}, after: Record<string, unknown> = {}): TFieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((key) => (same(before[key], after[key]) ? [] : [{ path: `${prefix}${key}`, before: before[key], after: after[key] }]));
}
