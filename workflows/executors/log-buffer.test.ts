import { describe, expect, it } from 'vitest';
import { logText, parseLog } from '../dsl/log-lines';
import { LogBuffer } from './log-buffer';

/** A clock the test moves. */
const clock = (start = 1_000) => {
  const c = { now: start, read: () => c.now };
  return c;
};

describe('LogBuffer', () => {
  it('times each line when its first character is read, across chunks', () => {
    const c = clock();
    const log = new LogBuffer(1024, c.read);
    log.append('one\ntw');
    c.now = 2_000;
    log.append('o\n\nthree');
    c.now = 3_000;
    log.append('!\n');
    expect(parseLog(log.toString())).toEqual([
      { at: 1_000, text: 'one' },
      { at: 1_000, text: 'two' },
      { at: 2_000, text: '' },
      { at: 2_000, text: 'three!' },
      { at: null, text: '' },
    ]);
  });

  it('counts the times in its limit and says what it dropped', () => {
    const log = new LogBuffer(100, clock().read);
    for (let i = 0; i < 50; i++) log.append(`line ${i}\n`);
    const stored = log.toString();
    const [notice, ...rest] = stored.split('\n');
    expect(notice).toMatch(/^\[… \d+ earlier characters dropped\]$/);
    expect(rest.join('\n').length).toBeLessThanOrEqual(100);
    expect(logText(stored)).toMatch(/line 49\n$/);
  });

  it('gives a live tail of whole lines that each keep their time', () => {
    const c = clock();
    const log = new LogBuffer(1024, c.read);
    for (let i = 0; i < 10; i++) {
      c.now += 10;
      log.append(`line ${i}\n`);
    }
    const tail = log.tail(40);
    expect(tail.length).toBeLessThanOrEqual(40);
    const lines = parseLog(tail);
    expect(lines.at(-2)).toEqual({ at: 1_100, text: 'line 9' });
    expect(lines.slice(0, -1).every((line) => line.at !== null)).toBe(true);
  });
});
