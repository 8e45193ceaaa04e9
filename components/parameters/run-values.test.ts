import { describe, expect, it } from 'vitest';
import type { TParameterDefinition } from '@/workflows/dsl';
import { initialRawValues, parseRawValues } from './run-values';

const definitions: Record<string, TParameterDefinition> = {
  epochs: { type: 'number', default: 10, description: '' },
  model: { type: 'choice', default: 'rf', choices: ['rf', 'gbm'], description: '' },
  shuffle: { type: 'boolean', default: true, description: '' },
  name: { type: 'string', default: 'x', description: '' },
};

describe('run dialog values', () => {
  it('starts from the last values that still fit, else the defaults', () => {
    expect(initialRawValues(definitions, { epochs: 3, model: 'svm', shuffle: false, gone: 1 })).toEqual({ epochs: '3', model: 'rf', shuffle: false, name: 'x' });
    expect(initialRawValues(definitions, 'garbage')).toEqual({ epochs: '10', model: 'rf', shuffle: true, name: 'x' });
  });

  it('parses numbers and names each field that does not fit', () => {
    expect(parseRawValues(definitions, { epochs: ' 7 ', model: 'gbm', shuffle: false, name: '' })).toEqual({ values: { epochs: 7, model: 'gbm', shuffle: false, name: '' }, problems: {} });
    expect(parseRawValues(definitions, { epochs: 'ten', model: 'svm', shuffle: true, name: 'y' }).problems).toEqual({
      epochs: 'Parameter "epochs" must be a number',
      model: 'Parameter "model" must be one of: rf, gbm',
    });
  });
});
