import { describe, expect, it } from 'vitest';
import { stepCacheKey } from './step-cache';

const step = { kind: 'python', executorVersion: '1', config: { code: 'import weft_step; print(weft_step.params())' } };
const inputs = { load: { 'rows.csv': { hash: 'a'.repeat(64), size: 3 } } };

describe('step cache keys', () => {
  it('differ when the run parameters differ (a step reads them all), and not with their order', () => {
    expect(stepCacheKey(step, inputs, { C: 1 })).not.toBe(stepCacheKey(step, inputs, { C: 2 }));
    expect(stepCacheKey(step, inputs, { a: 1, b: 'x' })).toBe(stepCacheKey(step, inputs, { b: 'x', a: 1 }));
  });

  it('stay as they were for runs without parameters', () => {
    expect(stepCacheKey(step, inputs, {})).toBe(stepCacheKey(step, inputs));
  });

  it('differ with an input artifact', () => {
    expect(stepCacheKey(step, inputs)).not.toBe(stepCacheKey(step, { load: { 'rows.csv': { hash: 'b'.repeat(64), size: 3 } } }));
  });
});
