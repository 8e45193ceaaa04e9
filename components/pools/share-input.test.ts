import { describe, expect, it } from 'vitest';
import { formatQuota, parseShare } from './share-input';

describe('parseShare', () => {
  it('reads the weight and an empty quota as no cap', () => {
    expect(parseShare(' 3 ', '', 'gpu')).toEqual({ ok: true, weight: 3, gpuQuota: null });
    expect(parseShare('0.5', '  ', 'gpu')).toEqual({ ok: true, weight: 0.5, gpuQuota: null });
  });

  it('reads a whole quota, 0 included (the team waits for every GPU step)', () => {
    expect(parseShare('1', '4', 'gpu')).toEqual({ ok: true, weight: 1, gpuQuota: 4 });
    expect(parseShare('1', '0', 'gpu')).toEqual({ ok: true, weight: 1, gpuQuota: 0 });
  });

  it('gives a CPU pool no quota whatever the cell says', () => {
    expect(parseShare('2', '4', 'cpu')).toEqual({ ok: true, weight: 2, gpuQuota: null });
  });

  it('refuses a weight that is empty, not a number, not above 0 or too large', () => {
    for (const weight of ['', 'abc', '0', '-1', '1001', 'Infinity']) {
      expect(parseShare(weight, '', 'gpu')).toMatchObject({ ok: false, error: expect.stringContaining('weight') });
    }
    expect(parseShare('1000', '', 'gpu')).toMatchObject({ ok: true, weight: 1_000 });
  });

  it('refuses a quota that is fractional, negative, too large or not a number', () => {
    for (const quota of ['1.5', '-1', '10001', 'two']) {
      expect(parseShare('1', quota, 'gpu')).toMatchObject({ ok: false, error: expect.stringContaining('GPU quota') });
    }
  });
});

describe('formatQuota', () => {
  it('shows no cap as empty, which parses back to no cap', () => {
    expect(formatQuota(null)).toBe('');
    expect(formatQuota(8)).toBe('8');
    expect(parseShare('1', formatQuota(null), 'gpu')).toMatchObject({ gpuQuota: null });
  });
});
