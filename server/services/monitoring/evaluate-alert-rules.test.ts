import { describe, expect, it } from 'vitest';
import { ruleValue, streakFires } from './evaluate-alert-rules';

const check = (psi: number, driftedFeatures = 0) => ({ driftedFeatures, scores: { a: { psi, threshold: 0.2 }, b: { psi: 0.01, threshold: 0.2 } } });
const rule = { metric: 'feature_psi' as const, threshold: 0.2, consecutive: 2 };

describe('alert rules', () => {
  it('reads the highest feature PSI, or the drifted features', () => {
    expect(ruleValue(rule, check(0.5, 1))).toBe(0.5);
    expect(ruleValue({ metric: 'drifted_features' }, check(0.5, 3))).toBe(3);
  });

  it('fires when a streak of breaching checks reaches its length, once per streak (newest first)', () => {
    expect(streakFires(rule, [check(0.3)])).toBe(false); // one of two
    expect(streakFires(rule, [check(0.3), check(0.3)])).toBe(true);
    expect(streakFires(rule, [check(0.3), check(0.3), check(0.1)])).toBe(true);
    expect(streakFires(rule, [check(0.3), check(0.3), check(0.3)])).toBe(false); // fired on the check before
    expect(streakFires(rule, [check(0.3), check(0.1), check(0.3)])).toBe(false);
    expect(streakFires(rule, [check(0.2), check(0.3)])).toBe(false); // at the threshold is not above it
  });
});
