import { describe, expect, it } from 'vitest';
import { planOf } from '../../../workflows/dsl/test-specs';
import { planCache } from './plan-cache';

describe('planCache', () => {
  it('keeps the 64 plans started last, dropping the one started longest ago', () => {
    const plan = planOf({ a: [] });
    for (let i = 0; i < 64; i++) planCache.set(`v${i}`, plan);
    expect(planCache.get('v0')).toBe(plan); // started again: now the newest
    planCache.set('v64', plan);
    expect(planCache.get('v1')).toBeUndefined();
    expect(planCache.get('v0')).toBe(plan);
    expect(planCache.get('v64')).toBe(plan);
  });
});
