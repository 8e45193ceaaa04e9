import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const ago = (ms: number) => relativeTime(new Date(NOW - ms), NOW);

describe('relativeTime', () => {
  it('says times as people do', () => {
    expect(ago(10_000)).toBe('just now');
    expect(ago(3 * 60_000)).toBe('3 minutes ago');
    expect(ago(2 * 3_600_000)).toBe('2 hours ago');
    expect(ago(86_400_000)).toBe('yesterday');
    expect(relativeTime(new Date(NOW + 5 * 60_000), NOW)).toBe('in 5 minutes');
  });
});
