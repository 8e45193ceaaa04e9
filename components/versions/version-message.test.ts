import { describe, expect, it } from 'vitest';
import { diffSpecs } from '@/workflows/dsl/spec-diff';
import { ZPipelineSpecSchema } from '@/workflows/dsl';
import { versionMessageOf } from './version-message';

const spec = (nodes: { id: string; code?: string }[], edges: [string, string][] = []) =>
  ZPipelineSpecSchema.parse({
    nodes: nodes.map((n) => ({ id: n.id, kind: 'python', config: { code: n.code ?? '' } })),
    edges: edges.map(([source, target]) => ({ id: `${source}-${target}`, source, sourcePort: 'out', target, targetPort: 'in' })),
  });

describe('versionMessageOf', () => {
  it('names what was added, removed and changed', () => {
    const before = spec([{ id: 'a' }, { id: 'b' }], [['a', 'b']]);
    const after = spec([{ id: 'a', code: 'x = 1' }, { id: 'c' }]);
    expect(versionMessageOf(diffSpecs(before, after))).toBe('Added c; removed b; changed a; removed 1 edge');
  });

  it('shortens long lists and says when nodes only moved', () => {
    const after = spec(['a', 'b', 'c', 'd', 'e'].map((id) => ({ id })));
    expect(versionMessageOf(diffSpecs(spec([]), after))).toBe('Added a, b, c and 2 more');
    expect(versionMessageOf(diffSpecs(after, after))).toBe('Moved nodes');
  });
});
