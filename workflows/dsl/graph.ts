/** Framework-free graph helpers over node ids and (source → target) pairs. */
export type TArc = { source: string; target: string };

/**
 * Kahn's algorithm. Returns the nodes in a stable topological order (ties keep input order) and
 * the nodes that sit on or behind a cycle (empty when the graph is a DAG).
 */
export function topologicalOrder(nodeIds: readonly string[], arcs: readonly TArc[]) {
  const indegree = new Map(nodeIds.map((id) => [id, 0]));
  const successors = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  for (const { source, target } of arcs) {
    if (!indegree.has(source) || !indegree.has(target)) continue;
    successors.get(source)!.push(target);
    indegree.set(target, indegree.get(target)! + 1);
  }
  const queue = nodeIds.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    order.push(id);
    for (const next of successors.get(id)!) {
      const remaining = indegree.get(next)! - 1;
      indegree.set(next, remaining);
      if (remaining === 0) queue.push(next);
    }
  }
  const placed = new Set(order);
  return { order, blocked: nodeIds.filter((id) => !placed.has(id)) };
}

/** The nodes that lie on a cycle: those in a strongly connected component of size > 1, or with a self-loop. */
export function nodesOnCycles(nodeIds: readonly string[], arcs: readonly TArc[]): Set<string> {
  const successors = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  const onCycle = new Set<string>();
  for (const { source, target } of arcs) {
    if (!successors.has(source) || !successors.has(target)) continue; // as topologicalOrder: ignore arcs to unknown ids
    successors.get(source)!.push(target);
    if (source === target) onCycle.add(source);
  }
  // Iterative Tarjan so that 5,000-node chains cannot overflow the stack.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  for (const root of nodeIds) {
    if (indexOf.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    indexOf.set(root, index);
    low.set(root, index++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const succ = successors.get(frame.id)!;
      if (frame.next < succ.length) {
        const w = succ[frame.next++]!;
        if (!indexOf.has(w)) {
          indexOf.set(w, index);
          low.set(w, index++);
          stack.push(w);
          onStack.add(w);
          work.push({ id: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, indexOf.get(w)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === indexOf.get(frame.id)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.id);
        if (component.length > 1) component.forEach((id) => onCycle.add(id));
      }
    }
  }
  return onCycle;
}
