import { describe, expect, it } from 'vitest';
import { nodesOnCycles, topologicalOrder, type TArc } from './graph';

const arcs = (...pairs: string[]): TArc[] =>
  pairs.map((pair) => {
    const [source, target] = pair.split('>') as [string, string];
    return { source, target };
  });
const sorted = (set: Set<string>) => [...set].sort();

describe('topologicalOrder', () => {
  it('orders a DAG so every arc points forward, nothing blocked', () => {
    const ids = ['d', 'c', 'b', 'a'];
    const graph = arcs('a>b', 'a>c', 'b>d', 'c>d');
    const { order, blocked } = topologicalOrder(ids, graph);
    expect(blocked).toEqual([]);
    expect(order.sort()).toEqual(['a', 'b', 'c', 'd']);
    const { order: fresh } = topologicalOrder(ids, graph);
    for (const { source, target } of graph) expect(fresh.indexOf(source)).toBeLessThan(fresh.indexOf(target));
  });

  it('keeps input order among ready nodes (stable)', () => {
    expect(topologicalOrder(['c', 'b', 'a'], []).order).toEqual(['c', 'b', 'a']);
    expect(topologicalOrder(['x', 'a', 'y', 'b'], arcs('a>b')).order).toEqual(['x', 'a', 'y', 'b']);
  });

  it('reports nodes on or behind a cycle as blocked', () => {
    const { order, blocked } = topologicalOrder(['s', 'a', 'b', 'after', 'free'], arcs('s>a', 'a>b', 'b>a', 'b>after'));
    expect(order).toEqual(['s', 'free']);
    expect(blocked).toEqual(['a', 'b', 'after']);
  });

  it('ignores arcs that name unknown nodes', () => {
    expect(topologicalOrder(['a', 'b'], arcs('ghost>a', 'a>b', 'b>ghost'))).toEqual({ order: ['a', 'b'], blocked: [] });
  });

  it('handles empty input', () => {
    expect(topologicalOrder([], [])).toEqual({ order: [], blocked: [] });
  });
});

describe('nodesOnCycles', () => {
  it('is empty for a DAG', () => {
    expect(nodesOnCycles(['a', 'b', 'c', 'd'], arcs('a>b', 'a>c', 'b>d', 'c>d')).size).toBe(0);
  });

  it('finds a self-loop and only it', () => {
    expect(sorted(nodesOnCycles(['a', 'b', 'c'], arcs('a>b', 'b>b', 'b>c')))).toEqual(['b']);
  });

  it('finds every node of a 3-node cycle, not the nodes before or after it', () => {
    expect(sorted(nodesOnCycles(['s', 'a', 'b', 'c', 'e'], arcs('s>a', 'a>b', 'b>c', 'c>a', 'c>e')))).toEqual(['a', 'b', 'c']);
  });

  it('finds several strongly connected components, whichever node the search starts at', () => {
    const graph = arcs('a>b', 'b>a', 'b>m', 'm>c', 'c>d', 'd>e', 'e>c', 'x>x');
    const ids = ['a', 'b', 'm', 'c', 'd', 'e', 'x', 'lone'];
    expect(sorted(nodesOnCycles(ids, graph))).toEqual(['a', 'b', 'c', 'd', 'e', 'x']);
    expect(sorted(nodesOnCycles([...ids].reverse(), graph))).toEqual(['a', 'b', 'c', 'd', 'e', 'x']);
  });

  it('finds nested cycles sharing nodes as one component', () => {
    expect(sorted(nodesOnCycles(['a', 'b', 'c', 'd'], arcs('a>b', 'b>a', 'b>c', 'c>b', 'c>d')))).toEqual(['a', 'b', 'c']);
  });

  it('ignores arcs that name unknown nodes instead of throwing', () => {
    expect(sorted(nodesOnCycles(['a', 'b'], arcs('a>ghost', 'ghost>a', 'a>b', 'b>a')))).toEqual(['a', 'b']);
    expect(nodesOnCycles(['a'], arcs('a>ghost')).size).toBe(0);
  });

  it('handles a 5,000-node chain and a 5,000-node ring without overflowing the stack', () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => `n${i}`);
    const chain = ids.slice(1).map((id, i) => ({ source: ids[i]!, target: id }));
    expect(nodesOnCycles(ids, chain).size).toBe(0);
    expect(topologicalOrder(ids, chain).order).toEqual(ids);
    const ring = [...chain, { source: 'n4999', target: 'n0' }];
    expect(nodesOnCycles(ids, ring).size).toBe(5_000);
  });
});
