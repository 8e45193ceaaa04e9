import { describe, expect, it } from 'vitest';
import { diffSpecs } from './spec-diff';
import { ZPipelineSpecSchema, type TPipelineSpec } from './spec';
import { edge, pythonNode, shellNode, spec } from './test-specs';

const parse = (input: unknown): TPipelineSpec => ZPipelineSpecSchema.parse(input);
const before = parse(spec([pythonNode('train', { config: { code: 'print(1)' } }), shellNode('deploy')], [edge('train', 'deploy')], { parameters: { lr: 0.1 } }));

describe('diffSpecs', () => {
  it('finds nothing between a spec and itself, nor in moved nodes', () => {
    const moved = { ...before, nodes: before.nodes.map((n) => ({ ...n, position: { x: n.position.x + 50, y: 9 } })) };
    expect(diffSpecs(before, moved).identical).toBe(true);
  });

  it('names added, removed and changed nodes (config field by field), edges by what they connect, and parameters', () => {
    const after = parse({
      ...before,
      nodes: [{ ...before.nodes[0]!, label: 'Train v2', config: { code: 'print(2)' } }, pythonNode('evaluate')],
      edges: [edge('train', 'evaluate')],
      parameters: { lr: 0.2, epochs: 3 },
    });
    const diff = diffSpecs(before, after);
    expect(diff.identical).toBe(false);
    expect(diff.nodes).toEqual({
      added: ['evaluate'],
      removed: ['deploy'],
      changed: [{ id: 'train', fields: [{ path: 'config.code', before: 'print(1)', after: 'print(2)' }, { path: 'label', before: '', after: 'Train v2' }] }],
    });
    expect(diff.edges).toEqual({ added: ['train.out → evaluate.in'], removed: ['train.out → deploy.in'] });
    expect(diff.parameters).toEqual([{ path: 'epochs', before: undefined, after: 3 }, { path: 'lr', before: 0.1, after: 0.2 }]);
  });
});
