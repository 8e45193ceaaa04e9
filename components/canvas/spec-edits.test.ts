import { describe, expect, it } from 'vitest';
import { emptySpec, NODE_CATALOG, validateSpec, type TPipelineSpec } from '@/workflows/dsl';
import { addNode, connect, connectionProblem, moveNodes, nextNodeId, nodeIdProblem, removeElements, renameNode, updateNode } from './spec-edits';

const link = (source: string, target: string) => ({ source, sourceHandle: 'out', target, targetHandle: 'in' });

function twoNodes(): TPipelineSpec {
  return addNode(addNode(emptySpec(), 'python', { x: 0, y: 0 }), 'shell', { x: 300, y: 0 });
}

describe('spec edits', () => {
  it('numbers new nodes per kind above the highest id in use', () => {
    let spec = addNode(emptySpec(), 'python', { x: 0, y: 0 });
    spec = addNode(spec, 'python', { x: 10.4, y: 20.6 });
    expect(spec.nodes.map((n) => n.id)).toEqual(['python_1', 'python_2']);
    expect(spec.nodes[1]!.position).toEqual({ x: 10, y: 21 });
    spec = removeElements(spec, new Set(['python_1']), new Set());
    expect(nextNodeId(spec, 'python')).toBe('python_3');
    expect(nextNodeId(spec, 'shell')).toBe('shell_1');
  });

  it("gives a new node its kind's default config, so it validates as it is", () => {
    const spec = connect(twoNodes(), link('python_1', 'shell_1'));
    expect(spec.nodes[0]!.config).toEqual(NODE_CATALOG.python.defaultConfig);
    expect(validateSpec(spec).problems).toEqual([]);
  });

  it('connects fitting ports once and refuses self-loops, unknown ports and duplicates', () => {
    const spec = connect(twoNodes(), link('python_1', 'shell_1'));
    expect(spec.edges).toEqual([{ id: 'e_1', source: 'python_1', sourcePort: 'out', target: 'shell_1', targetPort: 'in' }]);
    expect(connectionProblem(spec, link('python_1', 'shell_1'))).toBe('Already connected');
    expect(connectionProblem(spec, link('shell_1', 'shell_1'))).toBe('A node cannot feed itself');
    expect(connectionProblem(spec, { ...link('python_1', 'shell_1'), targetHandle: 'nope' })).toBe('Unknown port');
    expect(connect(spec, link('python_1', 'shell_1'))).toBe(spec);
  });

  it('removes a node with every edge that touches it', () => {
    const spec = connect(twoNodes(), link('python_1', 'shell_1'));
    const after = removeElements(spec, new Set(['shell_1']), new Set());
    expect(after.nodes.map((n) => n.id)).toEqual(['python_1']);
    expect(after.edges).toEqual([]);
  });

  it('returns the same spec for edits that change nothing (no autosave for a click)', () => {
    const spec = twoNodes();
    expect(moveNodes(spec, new Map([['python_1', { x: 0.2, y: -0.3 }]]))).toBe(spec);
    expect(removeElements(spec, new Set(['gone']), new Set(['e_9']))).toBe(spec);
  });

  it('keeps untouched nodes as the same objects', () => {
    const spec = twoNodes();
    const moved = moveNodes(spec, new Map([['shell_1', { x: 400, y: 50 }]]));
    expect(moved.nodes[0]).toBe(spec.nodes[0]);
    expect(moved.nodes[1]!.position).toEqual({ x: 400, y: 50 });
    const relabelled = updateNode(spec, 'python_1', { label: 'Train' });
    expect(relabelled.nodes[1]).toBe(spec.nodes[1]);
    expect(relabelled.nodes[0]!.label).toBe('Train');
  });

  it('removes a node field patched to undefined instead of keeping the key', () => {
    const spec = updateNode(twoNodes(), 'python_1', { cache: false, timeoutSeconds: 60 });
    expect(spec.nodes[0]).toMatchObject({ cache: false, timeoutSeconds: 60 });
    const restored = updateNode(spec, 'python_1', { cache: undefined });
    expect('cache' in restored.nodes[0]!).toBe(false);
    expect(restored.nodes[0]!.timeoutSeconds).toBe(60);
  });
});

describe('renaming a node', () => {
  const base = connect(addNode(addNode(emptySpec(), 'python', { x: 0, y: 0 }), 'condition', { x: 300, y: 0 }), {
    source: 'python_1',
    sourceHandle: 'out',
    target: 'condition_1',
    targetHandle: 'in',
  });
  const spec = updateNode(base, 'condition_1', { config: { expression: 'steps.python_1.metrics.accuracy > 0.5' } });

  it('refuses ids the DSL refuses and ids already taken', () => {
    expect(nodeIdProblem(spec, 'python_1', 'python_1')).toBeNull();
    expect(nodeIdProblem(spec, 'python_1', 'train')).toBeNull();
    expect(nodeIdProblem(spec, 'python_1', 'condition_1')).toMatch(/already/);
    expect(nodeIdProblem(spec, 'python_1', 'has space')).toMatch(/letters, digits/);
    expect(nodeIdProblem(spec, 'python_1', '')).toMatch(/required/);
    expect(renameNode(spec, 'python_1', 'condition_1')).toBe(spec);
  });

  it('moves the edges and rewrites the expressions that read the old id', () => {
    const renamed = renameNode(spec, 'python_1', 'train');
    expect(renamed.nodes.map((n) => n.id)).toEqual(['train', 'condition_1']);
    expect(renamed.edges[0]).toMatchObject({ source: 'train', target: 'condition_1' });
    expect(renamed.nodes[1]!.config).toEqual({ expression: 'steps.train.metrics.accuracy > 0.5' });
    expect(validateSpec(renamed).problems).toEqual([]);
  });
});
