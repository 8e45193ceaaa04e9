/** One problem found in a spec, pinned to the node or edge (and config field) it concerns. */
export const PROBLEM_CODES = [
  'invalid_spec',
  'empty_pipeline',
  'duplicate_node_id',
  'duplicate_edge_id',
  'unknown_kind',
  'invalid_config',
  'edge_unknown_node',
  'edge_unknown_port',
  'port_type_mismatch',
  'duplicate_input',
  'missing_input',
  'cycle',
  'invalid_resources',
  'invalid_secrets',
] as const;

export type TProblemCode = (typeof PROBLEM_CODES)[number];

export type TSpecProblem = {
  code: TProblemCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** dotted path inside the node (e.g. `config.code`) */
  field?: string;
};

export function problemsByNode(problems: readonly TSpecProblem[]): Map<string, TSpecProblem[]> {
  const byNode = new Map<string, TSpecProblem[]>();
  for (const problem of problems) {
    if (!problem.nodeId) continue;
    const list = byNode.get(problem.nodeId) ?? [];
    list.push(problem);
    byNode.set(problem.nodeId, list);
  }
  return byNode;
}
