// Pure: where each node of a lineage graph sits. Columns by longest path from the sources (data
// on the left, registry versions on the right), rows in a stable order within a column. Small
// graphs (≤ 300 nodes, the collector's cap) need no layout engine.

export const COLUMN_GAP = 260;
export const ROW_GAP = 90;

type TLayoutNode = { id: string; kind: string; label: string };
type TLayoutEdge = { source: string; target: string };

const KIND_ORDER = ['dataset', 'artifact', 'run', 'step', 'model', 'version'];

/** Positions by node id. Cycles (none expected: lineage runs forward in time) are broken by leaving their nodes in column 0. */
export function layoutLineage(nodes: readonly TLayoutNode[], edges: readonly TLayoutEdge[]): Map<string, { x: number; y: number }> {
  const ids = new Set(nodes.map((n) => n.id));
  const incoming = new Map(nodes.map((n) => [n.id, 0]));
  const outgoing = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    incoming.set(e.target, incoming.get(e.target)! + 1);
    outgoing.get(e.source)!.push(e.target);
  }
  const column = new Map(nodes.map((n) => [n.id, 0]));
  const queue = nodes.filter((n) => incoming.get(n.id) === 0).map((n) => n.id);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const next of outgoing.get(id)!) {
      column.set(next, Math.max(column.get(next)!, column.get(id)! + 1));
      incoming.set(next, incoming.get(next)! - 1);
      if (incoming.get(next) === 0) queue.push(next);
    }
  }
  const byColumn = new Map<number, TLayoutNode[]>();
  for (const n of nodes) byColumn.set(column.get(n.id)!, [...(byColumn.get(column.get(n.id)!) ?? []), n]);
  const positions = new Map<string, { x: number; y: number }>();
  for (const [c, members] of byColumn) {
    members.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
    members.forEach((n, row) => positions.set(n.id, { x: c * COLUMN_GAP, y: (row - (members.length - 1) / 2) * ROW_GAP }));
  }
  return positions;
}
