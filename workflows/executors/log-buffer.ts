import { encodeLogLine, LOG_TIME_CHARS, type TLogLine } from '../dsl';
import type { SecretMask } from './secret-mask';

/**
 * Keeps the last `limit` characters of a step's output, each line with the time its first
 * character was read (workflows/dsl/log-lines.ts): enough for the UI and the attempt record, the
 * times counted in the limit. With a mask, every way out (the live tail, the final log) hides the
 * step's secrets; the text is masked as a whole, so a value split across output chunks or lines is
 * hidden too.
 */
export class LogBuffer {
  /** the last line is still open: its time is set once it has a character or ends */
  private lines: TLogLine[] = [{ at: null, text: '' }];
  /** the stored size of the lines: their text, newlines and times */
  private size = 0;
  private dropped = 0;
  private mask: SecretMask | undefined;
  constructor(
    private readonly limit = 256 * 1024,
    private readonly now: () => number = Date.now,
  ) {}

  /** The step's secrets are known: hide them from here on (nothing was read out before). */
  hide(mask: SecretMask): void {
    this.mask = mask;
  }

  append(chunk: string): void {
    if (!chunk) return;
    const at = this.now();
    const parts = chunk.split('\n');
    const open = this.lines[this.lines.length - 1]!;
    this.grow(open, parts[0]!, parts.length > 1, at);
    for (let i = 1; i < parts.length; i++) {
      const line: TLogLine = { at: null, text: '' };
      this.lines.push(line);
      this.size += 1; // its newline
      this.grow(line, parts[i]!, i < parts.length - 1, at);
    }
    if (this.size > this.limit * 2) this.trim();
  }

  /** The end of the live log, at most `chars` stored characters; a line cut at its start keeps its time. */
  tail(chars: number): string {
    const lines = this.masked(true);
    const out: string[] = [];
    let left = chars;
    for (let i = lines.length - 1; i >= 0 && left > 0; i--) {
      const line = lines[i]!;
      const whole = encodeLogLine(line);
      if (whole.length <= left) {
        out.push(whole);
        left -= whole.length + 1; // and the newline before it
        continue;
      }
      const room = left - (line.at === null ? 0 : LOG_TIME_CHARS);
      if (room > 0) out.push(encodeLogLine({ at: line.at, text: line.text.slice(-room) }));
      break;
    }
    return out.reverse().join('\n');
  }

  toString(): string {
    this.trim();
    const text = this.masked(false).map(encodeLogLine).join('\n');
    return this.dropped > 0 ? `[… ${this.dropped} earlier characters dropped]\n${text}` : text;
  }

  private grow(line: TLogLine, text: string, ends: boolean, at: number): void {
    if (line.at === null && (text || ends)) {
      line.at = at;
      this.size += LOG_TIME_CHARS;
    }
    line.text += text;
    this.size += text.length;
  }

  /**
   * The lines with the step's secrets hidden. A value printed across lines joins them into one,
   * which keeps the first line's time. `live`: an end that may be a value's start is held back.
   */
  private masked(live: boolean): TLogLine[] {
    if (!this.mask) return this.lines;
    const { text, spans } = this.mask.redactSpans(this.lines.map((line) => line.text).join('\n'));
    const kept = live ? text.slice(0, text.length - this.mask.unfinished(text)) : text;
    const times: (number | null)[] = [];
    let start = 0; // where line i starts in the unmasked text
    let span = 0;
    for (const [i, line] of this.lines.entries()) {
      const newline = start - 1;
      while (span < spans.length && spans[span]![1] <= newline) span++;
      const swallowed = i > 0 && span < spans.length && spans[span]![0] <= newline;
      if (!swallowed) times.push(line.at);
      start += line.text.length + 1;
    }
    return kept.split('\n').map((lineText, i) => ({ at: times[i] ?? null, text: lineText }));
  }

  private trim(): void {
    if (this.size <= this.limit) return;
    // masked before it is cut: a cut through a value would leave a piece that no longer matches
    if (this.mask) {
      this.lines = this.masked(false);
      this.size = this.lines.reduce((sum, line) => sum + line.text.length + (line.at === null ? 0 : LOG_TIME_CHARS), this.lines.length - 1);
    }
    while (this.size > this.limit && this.lines.length > 1) {
      const line = this.lines.shift()!;
      this.dropped += line.text.length + 1;
      this.size -= line.text.length + 1 + (line.at === null ? 0 : LOG_TIME_CHARS);
    }
    const first = this.lines[0]!;
    if (this.size > this.limit) {
      const cut = Math.min(first.text.length, this.size - this.limit);
      first.text = first.text.slice(cut);
      this.dropped += cut;
      this.size -= cut;
    }
  }
}
