import { describe, expect, it } from 'vitest';
import { formatAgo, formatSeconds } from './ago';

const now = new Date('2025-01-01T12:00:00Z');
const before = (seconds: number) => new Date(now.getTime() - seconds * 1_000).toISOString();

describe('formatSeconds', () => {
  it('picks the largest whole unit', () => {
    expect(formatSeconds(12)).toBe('12 s');
    expect(formatSeconds(59.4)).toBe('59 s');
    expect(formatSeconds(60)).toBe('1 min');
    expect(formatSeconds(3_599)).toBe('59 min');
    expect(formatSeconds(7_200)).toBe('2 h');
    expect(formatSeconds(3 * 86_400 + 5)).toBe('3 d');
  });
});

describe('formatAgo', () => {
  it('says how long before now', () => {
    expect(formatAgo(before(12), now)).toBe('12 s ago');
    expect(formatAgo(before(150), now)).toBe('2 min ago');
  });

  it('shows a time ahead of now as 0 s ago, and no time as a dash', () => {
    expect(formatAgo(before(-3), now)).toBe('0 s ago');
    expect(formatAgo(null, now)).toBe('—');
  });
});
