import { describe, expect, it } from 'vitest';
import { emptySpec, ZPipelineSpecSchema } from '@/workflows/dsl';
import { addParameter, parameterList, parameterNameProblem, removeParameter, renameParameter, retypeParameter, setParameter } from './parameter-edits';

describe('parameter edits', () => {
  it('adds under free names, renames in place, removes', () => {
    const one = addParameter(emptySpec());
    const two = addParameter(one.spec);
    expect([one.name, two.name]).toEqual(['param_1', 'param_2']);
    const renamed = renameParameter(two.spec, 'param_1', 'epochs');
    expect(Object.keys(renamed.parameters)).toEqual(['epochs', 'param_2']);
    expect(Object.keys(removeParameter(renamed, 'epochs').parameters)).toEqual(['param_2']);
  });

  it('refuses a bad or taken name', () => {
    const { spec } = addParameter(addParameter(emptySpec()).spec);
    expect(parameterNameProblem(spec, 'param_1', 'param_2')).toBe('There is already a parameter "param_2"');
    expect(parameterNameProblem(spec, 'param_1', '2x')).toMatch(/not starting with a digit/);
    expect(parameterNameProblem(spec, 'param_1', 'param_1')).toBeNull();
  });

  it('carries the default over a change of type where it fits', () => {
    const text = { type: 'string', default: '12', description: 'd' } as const;
    expect(retypeParameter(text, 'number')).toEqual({ type: 'number', default: 12, description: 'd' });
    expect(retypeParameter({ ...text, default: 'x' }, 'number')).toEqual({ type: 'number', default: 0, description: 'd' });
    expect(retypeParameter(text, 'choice')).toEqual({ type: 'choice', default: '12', choices: ['12'], description: 'd' });
  });

  it('lists bare defaults of older specs as typed parameters', () => {
    const spec = setParameter({ ...emptySpec(), parameters: { lr: 0.1 } }, 'flag', { type: 'boolean', default: true, description: '' });
    expect(parameterList(spec)).toEqual([
      { name: 'lr', definition: { type: 'number', default: 0.1, description: '' } },
      { name: 'flag', definition: { type: 'boolean', default: true, description: '' } },
    ]);
  });

  it('renames the expressions that read a renamed parameter', () => {
    const spec = ZPipelineSpecSchema.parse({
      nodes: [{ id: 'check', kind: 'condition', config: { expression: 'params.epochs > 3' } }],
      edges: [],
      parameters: { epochs: 5 },
    });
    expect(renameParameter(spec, 'epochs', 'rounds').nodes[0]?.config.expression).toBe('params.rounds > 3');
  });
});
