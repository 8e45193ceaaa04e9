import { expressionReferences, parseExpression } from './expression';
import type { TSpecProblem } from './problems';
import type { TPipelineNode, TPipelineSpec } from './spec';

/**
 * An expression (a condition's, a for-each's items) may read only what exists when it runs: `steps.<id>` of nodes upstream of it and
 * `params.<name>` of the pipeline. Everything else is a problem on that expression (once per message).
 */
export function expressionReferenceProblems(
  spec: TPipelineSpec,
  condition: TPipelineNode,
  arcs: readonly { source: string; target: string }[],
  field: 'expression' | 'items',
): TSpecProblem[] {
  const parsed = parseExpression(String(condition.config[field] ?? ''));
  if (!parsed.ok) return []; // the config schema reports syntax errors
  const upstream = ancestors(condition.id, arcs);
  const problems: TSpecProblem[] = [];
  const report = (message: string) =>
    !problems.some((p) => p.message.endsWith(message)) &&
    problems.push({ code: 'invalid_config', nodeId: condition.id, field: `config.${field}`, message: `config.${field}: ${message}` });
  for (const path of expressionReferences(parsed.ast)) {
    const [root, name] = path.split('.');
    if (root === 'steps') {
      if (name === undefined) report('name a step, e.g. steps.train.metrics.accuracy');
      else if (!upstream.has(name)) report(`"${name}" is not a step that runs before this node`);
    } else if (root === 'params') {
      if (name !== undefined && !Object.hasOwn(spec.parameters, name)) report(`the pipeline has no parameter "${name}"`);
    } else report(`"${root}" is unknown: read steps.<id>… or params.<name>`);
  }
  return problems;
}

function ancestors(nodeId: string, arcs: readonly { source: string; target: string }[]): Set<string> {
  const parents = new Map<string, string[]>();
  for (const { source, target } of arcs) parents.set(target, [...(parents.get(target) ?? []), source]);
  const seen = new Set<string>();
  const stack = [...(parents.get(nodeId) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(parents.get(next) ?? []));
  }
  return seen;
}
