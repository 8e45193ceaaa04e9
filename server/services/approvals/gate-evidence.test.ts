import { describe, expect, it } from 'vitest';
import { stepEvidence } from './gate-evidence';

describe("an approval gate's evidence from its upstream steps", () => {
  it('pairs metrics with their bootstrap intervals', () => {
    const e = stepEvidence('evaluate', 'Evaluate', { artifacts: { 'report.html': { hash: 'h', size: 1 } }, metrics: { accuracy: 0.93, accuracy_ci_low: 0.9, accuracy_ci_high: 0.96, f1: 0.9 } });
    expect(e.metrics).toEqual([
      { key: 'accuracy', value: 0.93, ciLow: 0.9, ciHigh: 0.96 },
      { key: 'f1', value: 0.9 },
    ]);
    expect(e.reports).toEqual(['report.html']);
  });

  it("reads a comparison's verdict and a validation's outcome out of their metrics", () => {
    const compare = stepEvidence('compare', '', {
      artifacts: {},
      metrics: { verdict_better: 0, verdict_non_inferior: 1, verdict_worse: 0, acceptable: 1, difference: -0.004, ci_low: -0.01, ci_high: 0.003, candidate: 0.95, champion: 0.954, champion_version: 3 },
    });
    expect(compare.label).toBe('compare');
    expect(compare.verdict).toEqual({ verdict: 'non-inferior', difference: -0.004, ciLow: -0.01, ciHigh: 0.003, championVersion: 3 });
    expect(compare.metrics).toEqual([]);
    const validate = stepEvidence('validate', 'Validate', { artifacts: {}, metrics: { valid: 1, checks_failed: 0, checks_warned: 2 } });
    expect(validate.validation).toEqual({ valid: true, failed: 0, warned: 2 });
  });

  it('says "no champion yet" as the comparison does', () => {
    expect(stepEvidence('c', 'C', { artifacts: {}, metrics: { verdict_no_champion_yet: 1, verdict_better: 0 } }).verdict?.verdict).toBe('no champion yet');
  });
});
