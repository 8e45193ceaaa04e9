import { describe, expect, it } from 'vitest';
import { originCounts } from './origin-counts';

describe('origin counts of a run', () => {
  it('counts cached and reused steps, leaving out executed ones', () => {
    expect(originCounts([{ origin: 'cached' }, { origin: 'executed' }, { origin: 'cached' }, { origin: 'reused' }])).toBe('2 cached · 1 reused');
    expect(originCounts([{ origin: 'reused' }])).toBe('1 reused');
  });

  it('is null when the run executed every step', () => {
    expect(originCounts([{ origin: 'executed' }])).toBeNull();
    expect(originCounts([])).toBeNull();
  });
});
