import { describe, expect, it } from 'vitest';
import { encodeLogLine, LOG_TIME_CHARS, logText, logWithIsoTimes, parseLog } from './log-lines';

const AT = Date.UTC(2026, 11, 7, 13, 0, 0, 123);

describe('stored log lines', () => {
  it('reads back each line with its time', () => {
    const stored = [encodeLogLine({ at: AT, text: 'loading' }), encodeLogLine({ at: AT + 1_500, text: 'done' }), ''].join('\n');
    expect(parseLog(stored)).toEqual([
      { at: AT, text: 'loading' },
      { at: AT + 1_500, text: 'done' },
      { at: null, text: '' },
    ]);
    expect(encodeLogLine({ at: AT, text: '' })).toHaveLength(LOG_TIME_CHARS);
  });

  it('reads a log stored before lines had times as lines without one', () => {
    const old = '2026-12-07 12:00:00,001 INFO start\n\u001b[32mgreen\u001b[0m\n[… 10 earlier characters dropped]';
    expect(parseLog(old).every((line) => line.at === null)).toBe(true);
    expect(logText(old)).toBe(old);
  });

  it('keeps what a step printed that looks like a time, as text', () => {
    const forged = encodeLogLine({ at: AT, text: '\u001ezz not a time' });
    expect(parseLog(forged)).toEqual([{ at: AT, text: '\u001ezz not a time' }]);
    expect(parseLog('\u001enot-a-time')).toEqual([{ at: null, text: '\u001enot-a-time' }]);
  });

  it('gives the plain text, and a download with ISO times', () => {
    const stored = `[… 3 earlier characters dropped]\n${encodeLogLine({ at: AT, text: 'a b' })}`;
    expect(logText(stored)).toBe('[… 3 earlier characters dropped]\na b');
    expect(logWithIsoTimes(parseLog(stored))).toBe('[… 3 earlier characters dropped]\n2026-12-07T13:00:00.123Z a b');
  });
});
