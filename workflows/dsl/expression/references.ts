import type { TExpr } from './ast';

/**
 * The dotted paths an expression reads, deduplicated, in source order: `steps.evaluate.metrics.accuracy`
 * for a member chain; `a["b"]` and `a[0]` read as `a.b` and `a.0`; a computed index (`a[b].c`)
 * contributes its static prefix `a` and the paths inside the index (`b`).
 */
export function expressionReferences(ast: TExpr): string[] {
  const found = new Set<string>();
  const visit = (node: TExpr): void => {
    const path = staticPath(node);
    if (path) {
      found.add(path.join('.'));
      return;
    }
    switch (node.type) {
      case 'member':
        return visit(node.object);
      case 'index':
        visit(node.object);
        return visit(node.index);
      case 'list':
        return node.items.forEach(visit);
      case 'call':
        return node.args.forEach(visit);
      case 'unary':
        return visit(node.operand);
      case 'binary':
      case 'logical':
        visit(node.left);
        return visit(node.right);
    }
  };
  visit(ast);
  return [...found];
}

/** The path segments of an identifier followed by `.name`, `["name"]` and `[0]` steps; undefined otherwise. */
function staticPath(node: TExpr): string[] | undefined {
  const segments: string[] = [];
  let current = node;
  for (;;) {
    if (current.type === 'identifier') return [current.name, ...segments.reverse()];
    if (current.type === 'member') {
      segments.push(current.property);
    } else if (current.type === 'index' && current.index.type === 'literal' && isStaticKey(current.index.value)) {
      segments.push(String(current.index.value));
    } else {
      return undefined;
    }
    current = current.object;
  }
}

const isStaticKey = (value: unknown) => typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value) && value >= 0);
