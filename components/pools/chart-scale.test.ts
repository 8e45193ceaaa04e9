import { describe, expect, it } from 'vitest';
import { scaleChart } from './chart-scale';

describe('scaleChart', () => {
  it('spreads the values across the width with the max at the top', () => {
    expect(scaleChart([0, 2, 1], 100, 40)).toEqual({ points: '0,40 50,0 100,20', max: 2 });
  });

  it('keeps an idle series on the bottom edge', () => {
    expect(scaleChart([0, 0, 0], 10, 8)).toEqual({ points: '0,8 5,8 10,8', max: 0 });
  });

  it('handles one value and none', () => {
    expect(scaleChart([3], 10, 8)).toEqual({ points: '0,0', max: 3 });
    expect(scaleChart([], 10, 8)).toEqual({ points: '', max: 0 });
  });
});
