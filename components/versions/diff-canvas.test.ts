import { describe, expect, it } from 'vitest';
import { ZPipelineSpecSchema } from '@/workflows/dsl';
import { diffCanvas, removedEdgeId } from './diff-canvas';

const spec = (nodes: { id: string; code?: string }[], edges: [string, string, string][]) =>
  ZPipelineSpecSchema.parse({
    nodes: nodes.map((n) => ({ id: n.id, kind: 'python', config: { code: n.code ?? '' } })),
    edges: edges.map(([id, source, target]) => ({ id, source, sourcePort: 'out', target, targetPort: 'in' })),
  });

describe('diffCanvas', () => {
  it('draws both specs at once, marking what was added, removed and changed', () => {
    const before = spec([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [['e1', 'a', 'b'], ['e2', 'b', 'c']]);
    // e1 now connects a → d: the old a → b is removed though the id lives on
    const after = spec([{ id: 'a', code: 'x = 1' }, { id: 'c' }, { id: 'd' }], [['e1', 'a', 'd']]);
    const { spec: drawn, marks, diff } = diffCanvas(before, after);
    expect(drawn.nodes.map((n) => n.id)).toEqual(['a', 'c', 'd', 'b']);
    expect(Object.fromEntries(marks.nodes)).toEqual({ a: 'changed', b: 'removed', d: 'added' });
    expect(drawn.edges.map((e) => e.id)).toEqual(['e1', removedEdgeId('e1'), removedEdgeId('e2')]);
    expect(Object.fromEntries(marks.edges)).toEqual({ e1: 'added', [removedEdgeId('e1')]: 'removed', [removedEdgeId('e2')]: 'removed' });
    expect(diff.nodes.changed[0]?.fields).toEqual([{ path: 'config.code', before: '', after: 'x = 1' }]);
  });

  it('marks nothing between equal specs', () => {
    const same = spec([{ id: 'a' }], []);
    expect(diffCanvas(same, same).marks.nodes.size).toBe(0);
  });
});
