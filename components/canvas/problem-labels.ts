import type { TPipelineSpec, TSpecProblem } from '@/workflows/dsl';

/**
 * Problems as people read them: where a message quotes a node's id (`Input "After" of "python_3"
 * must be connected`) and that node has a label, it quotes the label. Duplicate-id problems keep
 * the id: it is what they are about. The same array when nothing changes.
 */
export function labelProblems(problems: readonly TSpecProblem[], spec: TPipelineSpec): readonly TSpecProblem[] {
  const labels = new Map(spec.nodes.flatMap((n) => (n.label.trim() ? [[n.id, n.label.trim()] as const] : [])));
  if (labels.size === 0) return problems;
  let changed = false;
  const labelled = problems.map((p) => {
    if (p.code === 'duplicate_node_id') return p;
    const message = p.message.replace(/"([A-Za-z0-9_-]{1,64})"/g, (quoted, id: string) => (labels.has(id) ? `"${labels.get(id)}"` : quoted));
    if (message === p.message) return p;
    changed = true;
    return { ...p, message };
  });
  return changed ? labelled : problems;
}
