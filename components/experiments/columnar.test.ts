import { describe, expect, it } from 'vitest';
import { alignSeries, decodeDoubles } from './columnar';
import { paramDiff } from './param-diff';

const encode = (values: number[]) => {
  const bytes = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => bytes.writeDoubleBE(v, i * 8));
  return bytes.toString('base64');
};

describe('decodeDoubles', () => {
  it('reads big-endian float64 columns, NaN and infinities included', () => {
    expect([...decodeDoubles(encode([0, 1.5, -2, 1e300, Number.NaN, Number.POSITIVE_INFINITY]))]).toEqual([0, 1.5, -2, 1e300, Number.NaN, Number.POSITIVE_INFINITY]);
    expect(decodeDoubles('')).toHaveLength(0);
  });
});

describe('alignSeries', () => {
  it('puts series on the union of their steps, null where one has no point or no finite value', () => {
    const a = { runUuid: 'a', key: 'loss', steps: Float64Array.from([0, 1, 2]), values: Float64Array.from([3, 2, 1]) };
    const b = { runUuid: 'b', key: 'loss', steps: Float64Array.from([0, 2, 4]), values: Float64Array.from([5, Number.NaN, 4]) };
    expect(alignSeries([a, b])).toEqual({ xs: [0, 1, 2, 4], ys: [[3, 2, 1, null], [5, null, null, 4]] });
  });

  it('keeps the steps as they are when every series has the same, and a repeated step goes through the union', () => {
    const a = { runUuid: 'a', key: 'loss', steps: Float64Array.from([0, 1]), values: Float64Array.from([3, Number.POSITIVE_INFINITY]) };
    expect(alignSeries([a, { ...a, runUuid: 'b' }])).toEqual({ xs: [0, 1], ys: [[3, null], [3, null]] });
    const repeated = { runUuid: 'c', key: 'loss', steps: Float64Array.from([0, 0, 1]), values: Float64Array.from([1, 2, 3]) };
    expect(alignSeries([repeated])).toEqual({ xs: [0, 1], ys: [[2, 3]] });
  });
});

describe('paramDiff', () => {
  it('marks keys whose values differ, or that some runs lack', () => {
    const { keys, differing } = paramDiff([{ params: { lr: '0.1', seed: '7', model: 'rf' } }, { params: { lr: '0.01', seed: '7' } }]);
    expect(keys).toEqual(['lr', 'model', 'seed']);
    expect([...differing].sort()).toEqual(['lr', 'model']);
  });
});
