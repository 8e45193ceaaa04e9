import { describe, expect, it } from 'vitest';
import { matchLines } from './log-lines';

describe('log search', () => {
  it('finds every match of a line, case-insensitively, with line numbers', () => {
    const { lines, total } = matchLines('start\nError: bad\nok\nerror again, ERROR', 'error');
    expect(total).toBe(2);
    expect(lines.map((l) => l.number)).toEqual([2, 4]);
    expect(lines[1]!.ranges).toEqual([
      [0, 5],
      [13, 18],
    ]);
  });

  it('matches nothing for an empty query', () => {
    expect(matchLines('a\nb', '')).toEqual({ lines: [], total: 0 });
  });
});
