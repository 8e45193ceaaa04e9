import { describe, expect, it } from 'vitest';
import { emptySpec, validateSpec, type TPipelineSpec } from '@/workflows/dsl';
import { idAllocator, idBase } from './id-allocator';
import { copyFragment, parseFragment, pasteFragment, serializeFragment } from './spec-clipboard';

const at = (x: number, y: number) => ({ x, y });

const spec: TPipelineSpec = {
  ...emptySpec(),
  nodes: [
    { id: 'train', kind: 'python', label: 'Train', config: { code: 'print(1)' }, position: at(100, 100) },
    { id: 'check', kind: 'condition', label: '', config: { expression: 'steps.train.metrics.accuracy > 0.9' }, position: at(400, 150) },
    { id: 'other', kind: 'noop', label: '', config: {}, position: at(0, 0) },
  ],
  edges: [
    { id: 'e_1', source: 'train', sourcePort: 'out', target: 'check', targetPort: 'in' },
    { id: 'e_2', source: 'other', sourcePort: 'out', target: 'train', targetPort: 'in' },
  ],
};

describe('id allocation', () => {
  it('numbers copies after their base, above every number taken', () => {
    const next = idAllocator(['python_1', 'python_7', 'train', 'e_3']);
    expect(next('python_1')).toBe('python_8');
    expect(next('python_2')).toBe('python_9');
    expect(next('train')).toBe('train_1');
    expect(next('e')).toBe('e_4');
    expect(idBase('x'.repeat(64))).toHaveLength(54);
  });
});

describe('copy and paste', () => {
  it('copies the selected nodes and only the edges between them', () => {
    const fragment = copyFragment(spec, new Set(['train', 'check']))!;
    expect(fragment.nodes.map((n) => n.id)).toEqual(['train', 'check']);
    expect(fragment.edges.map((e) => e.id)).toEqual(['e_1']);
    expect(copyFragment(spec, new Set())).toBeNull();
  });

  it('round-trips through the clipboard text and refuses other text', () => {
    const fragment = copyFragment(spec, new Set(['train']))!;
    expect(parseFragment(serializeFragment(fragment))).toEqual(fragment);
    expect(parseFragment('hello')).toBeNull();
    expect(parseFragment('{"type":"weft/spec-fragment","version":1,"nodes":[],"edges":[]}')).toBeNull();
  });

  it('pastes with fresh ids, kept inner edges, rewritten references, at the point asked', () => {
    const fragment = copyFragment(spec, new Set(['train', 'check']))!;
    const { spec: next, nodeIds } = pasteFragment(spec, fragment, at(1000, 500));
    expect(nodeIds).toEqual(['train_1', 'check_1']);
    const [train, check] = next.nodes.slice(3);
    expect(train!.position).toEqual(at(1000, 500));
    expect(check!.position).toEqual(at(1300, 550));
    expect(check!.config).toEqual({ expression: 'steps.train_1.metrics.accuracy > 0.9' });
    expect(next.edges.at(-1)).toEqual({ id: 'e_3', source: 'train_1', sourcePort: 'out', target: 'check_1', targetPort: 'in' });
    // the originals are untouched and shared
    expect(next.nodes.slice(0, 3)).toEqual(spec.nodes);
    expect(next.nodes[0]).toBe(spec.nodes[0]);
    expect(validateSpec(next).problems.filter((p) => p.code.startsWith('duplicate_'))).toEqual([]);
  });

  it('pastes into another pipeline twice without clashing ids', () => {
    const fragment = copyFragment(spec, new Set(['train', 'check']))!;
    const once = pasteFragment(emptySpec(), fragment, at(0, 0)).spec;
    const twice = pasteFragment(once, fragment, at(0, 300));
    expect(twice.spec.nodes.map((n) => n.id)).toEqual(['train_1', 'check_1', 'train_2', 'check_2']);
    expect(twice.spec.nodes[3]!.config).toEqual({ expression: 'steps.train_2.metrics.accuracy > 0.9' });
  });
});
