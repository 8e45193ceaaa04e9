import { describe, expect, it } from 'vitest';
import { parseLog } from '@/workflows/dsl';
import { formatLogOffset, matchLines } from './log-lines';

describe('log search', () => {
  it('finds every match of a line, case-insensitively, with line numbers', () => {
    const { lines, total } = matchLines(parseLog('start\nError: bad\nok\nerror again, ERROR'), 'error');
    expect(total).toBe(2);
    expect(lines.map((l) => l.number)).toEqual([2, 4]);
    expect(lines[1]!.ranges).toEqual([
      [0, 5],
      [13, 18],
    ]);
  });

  it('searches the text of timed lines, not their times, and keeps the times', () => {
    const { lines } = matchLines([{ at: 1_000, text: 'a' }, { at: 2_000, text: 'b' }], 'b');
    expect(lines).toEqual([{ number: 2, at: 2_000, text: 'b', ranges: [[0, 1]] }]);
    expect(matchLines([{ at: 1_000, text: 'x' }], 'g').total).toBe(0); // base-36 digits of the time are not text
  });

  it('matches nothing for an empty query', () => {
    expect(matchLines(parseLog('a\nb'), '')).toEqual({ lines: [], total: 0 });
  });
});

describe('log line offsets', () => {
  it('reads as seconds, then minutes, then hours after the start', () => {
    expect(formatLogOffset(0)).toBe('+0.000s');
    expect(formatLogOffset(4_021)).toBe('+4.021s');
    expect(formatLogOffset(125_300)).toBe('+2:05.300');
    expect(formatLogOffset(3_725_000)).toBe('+1:02:05');
    expect(formatLogOffset(-20)).toBe('-0.020s');
  });
});
