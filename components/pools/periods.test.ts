import { describe, expect, it } from 'vitest';
import { periodRange } from './periods';

describe('periodRange', () => {
  it('ends at now and starts the period before', () => {
    const now = new Date('2025-03-31T00:00:00Z');
    expect(periodRange('24h', now)).toEqual({ from: new Date('2025-03-30T00:00:00Z'), to: now });
    expect(periodRange('7d', now).from).toEqual(new Date('2025-03-24T00:00:00Z'));
    expect(periodRange('30d', now).from).toEqual(new Date('2025-03-01T00:00:00Z'));
  });
});
