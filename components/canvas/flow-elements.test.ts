import { describe, expect, it } from 'vitest';
import { emptySpec, problemsByNode, validateSpec } from '@/workflows/dsl';
import { deriveEdges, deriveNodes, keepExisting, newFlowCache, withDragPositions, type TFlowInputs, type TStepView } from './flow-elements';
import { addNode, connect, updateNode } from './spec-edits';

function inputs(overrides: Partial<TFlowInputs> = {}): TFlowInputs {
  let spec = addNode(addNode(emptySpec(), 'python', { x: 0, y: 0 }), 'shell', { x: 300, y: 0 });
  spec = connect(spec, { source: 'python_1', sourceHandle: 'out', target: 'shell_1', targetHandle: 'in' });
  return {
    spec,
    problems: new Map(),
    edgeProblemIds: new Set(),
    selectedNodes: new Set(),
    selectedEdges: new Set(),
    measured: new Map(),
    ...overrides,
  };
}

describe('React Flow elements derived from the spec', () => {
  it('maps nodes and edges with ports as handles', () => {
    const cache = newFlowCache();
    const base = inputs();
    const nodes = deriveNodes(base, cache);
    expect(nodes.map((n) => [n.id, n.type, n.position])).toEqual([
      ['python_1', 'weft', { x: 0, y: 0 }],
      ['shell_1', 'weft', { x: 300, y: 0 }],
    ]);
    expect(deriveEdges(base, cache)[0]).toMatchObject({ source: 'python_1', sourceHandle: 'out', target: 'shell_1', targetHandle: 'in' });
  });

  it('reuses node objects whose inputs did not change, so memoized nodes skip rendering', () => {
    const cache = newFlowCache();
    const base = inputs();
    const first = deriveNodes(base, cache);
    const spec = updateNode(base.spec, 'shell_1', { label: 'Deploy' });
    const second = deriveNodes({ ...base, spec, problems: problemsByNode(validateSpec(spec).problems) }, cache);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
  });

  it('shows a drag in flight without touching the spec or the other nodes, and carries measured sizes', () => {
    const base = inputs({ measured: new Map([['python_1', { width: 208, height: 70 }]]) });
    const derived = deriveNodes(base, newFlowCache());
    const nodes = withDragPositions(derived, new Map([['shell_1', { x: 5, y: 6 }]]));
    expect(nodes[1]!.position).toEqual({ x: 5, y: 6 });
    expect(nodes[0]).toBe(derived[0]);
    expect(nodes[0]!.measured).toEqual({ width: 208, height: 70 });
    expect(base.spec.nodes[1]!.position).toEqual({ x: 300, y: 0 });
    expect(withDragPositions(derived, new Map())).toBe(derived);
  });

  it('puts step state on the node data in the run view', () => {
    const running: TStepView = { status: 'running', attempts: 1, origin: 'executed', flag: null, startedAt: null, endedAt: null };
    const nodes = deriveNodes(inputs({ steps: new Map([['python_1', running]]) }), newFlowCache());
    expect(nodes[0]!.data.step).toEqual(running);
    expect(nodes[1]!.data.step).toBeUndefined();
  });

  it('renders a node again when its step origin or flag changes, not when an equal step arrives', () => {
    const cache = newFlowCache();
    const step: TStepView = { status: 'pending', attempts: 0, origin: 'executed', flag: null, startedAt: null, endedAt: null };
    const base = inputs();
    const withStep = (s: TStepView) => deriveNodes({ ...base, steps: new Map([['python_1', s]]) }, cache);
    const first = withStep(step);
    expect(withStep({ ...step })[0]).toBe(first[0]);
    const flagged = withStep({ ...step, flag: 'No worker in pool "cpu" has picked this step up yet' });
    expect(flagged[0]).not.toBe(first[0]);
    expect(flagged[0]!.data.step?.flag).toContain('No worker');
    const reused = withStep({ ...step, status: 'succeeded', origin: 'reused' });
    expect(reused[0]!.data.step?.origin).toBe('reused');
  });
});

describe('the selection after an undo', () => {
  it('keeps only the ids that still exist, and the same set when all do', () => {
    const selected = new Set(['a', 'b']);
    expect(keepExisting(selected, [{ id: 'a' }, { id: 'b' }, { id: 'c' }])).toBe(selected);
    expect([...keepExisting(selected, [{ id: 'b' }])]).toEqual(['b']);
  });

  it('marks the version diff on nodes and edges, and re-derives only what a mark changed', () => {
    const cache = newFlowCache();
    const base = inputs();
    const edgeId = base.spec.edges[0]!.id;
    const plain = { nodes: deriveNodes(base, cache), edges: deriveEdges(base, cache) };
    const marks = { nodes: new Map([['shell_1', 'added' as const]]), edges: new Map([[edgeId, 'removed' as const]]) };
    const marked = { nodes: deriveNodes({ ...base, marks }, cache), edges: deriveEdges({ ...base, marks }, cache) };
    expect(marked.nodes[0]).toBe(plain.nodes[0]);
    expect(marked.nodes[1]?.data.diff).toBe('added');
    expect(marked.edges[0]).toMatchObject({ className: 'diff-removed', ariaLabel: 'Edge removed', style: { strokeDasharray: '6 4' } });
    expect(deriveEdges({ ...base, marks }, cache)[0]).toBe(marked.edges[0]);
  });
});
