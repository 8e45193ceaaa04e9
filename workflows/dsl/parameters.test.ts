import { describe, expect, it } from 'vitest';
import { parameterDefinitions, resolveParameterValues, ZSpecParametersSchema } from './parameters';
import { ZPipelineSpecSchema } from './spec';

const definitions = parameterDefinitions(
  ZSpecParametersSchema.parse({
    epochs: { type: 'number', default: 10 },
    model: { type: 'choice', default: 'rf', choices: ['rf', 'gbm'], description: 'which learner' },
    dataset: 'iris', // a spec saved before parameters were typed: a bare default
    shuffle: true,
  }),
);

describe('pipeline parameters', () => {
  it('keeps specs with bare defaults valid, typed by their defaults', () => {
    expect(ZPipelineSpecSchema.safeParse({ nodes: [], edges: [], parameters: { lr: 0.1, name: 'x', flag: false } }).success).toBe(true);
    expect(definitions.dataset).toEqual({ type: 'string', default: 'iris', description: '' });
    expect(definitions.shuffle?.type).toBe('boolean');
    expect(definitions.epochs).toEqual({ type: 'number', default: 10, description: '' });
  });

  it('refuses a choice whose default is not offered, and a bad name', () => {
    expect(ZSpecParametersSchema.safeParse({ m: { type: 'choice', default: 'x', choices: ['a'] } }).success).toBe(false);
    expect(ZSpecParametersSchema.safeParse({ '1x': 'a' }).success).toBe(false);
  });

  it('resolves run values over the defaults, and names every parameter that does not fit', () => {
    expect(resolveParameterValues(definitions, { epochs: 3 })).toEqual({ ok: true, values: { epochs: 3, model: 'rf', dataset: 'iris', shuffle: true } });
    expect(resolveParameterValues(definitions, { epochs: '3', model: 'svm', shuffle: 1, other: 1 })).toEqual({
      ok: false,
      problems: [
        { name: 'epochs', message: 'Parameter "epochs" must be a number' },
        { name: 'model', message: 'Parameter "model" must be one of: rf, gbm' },
        { name: 'shuffle', message: 'Parameter "shuffle" must be true or false' },
        { name: 'other', message: 'Unknown parameter "other"' },
      ],
    });
  });
});
