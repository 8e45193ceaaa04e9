/**
 * The stored form of a step's log: text lines, each that a pool worker captured prefixed with the
 * time it was written, `\u001e<epoch ms in base 36> <text>`. The record separator does not occur
 * in ordinary output, so a log stored before lines had times (or a line the worker added without
 * one, like "[… dropped]") reads as it was: a line with no time. Every line carries its own
 * absolute time, so a log cut at a line boundary (a live tail) still reads whole. 10 characters a
 * line, and no row per line: the log stays one text.
 */
export type TLogLine = { at: number | null; text: string };

const MARK = '\u001e';
const TIMED = /^\u001e([0-9a-z]{1,11}) /;
/** What the time adds to a line; 8 base-36 digits reach the year 2059. */
export const LOG_TIME_CHARS = 10;

/** One stored line: timed when `at` is known. */
export function encodeLogLine(line: TLogLine): string {
  return line.at === null ? line.text : `${MARK}${line.at.toString(36)} ${line.text}`;
}

export function parseLog(log: string): TLogLine[] {
  return log.split('\n').map((line) => {
    const time = line.startsWith(MARK) ? TIMED.exec(line) : null;
    return time ? { at: parseInt(time[1]!, 36), text: line.slice(time[0].length) } : { at: null, text: line };
  });
}

/** The log as the step printed it, times left out (what a failure summary reads). */
export function logText(log: string): string {
  return log.includes(MARK) ? parseLog(log).map((line) => line.text).join('\n') : log;
}

/** A download: each timed line prefixed with its ISO time, the others as they are. */
export function logWithIsoTimes(lines: readonly TLogLine[]): string {
  return lines.map((line) => (line.at === null ? line.text : `${new Date(line.at).toISOString()} ${line.text}`)).join('\n');
}
