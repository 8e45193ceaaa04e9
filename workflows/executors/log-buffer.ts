import type { SecretMask } from './secret-mask';

/**
 * Keeps the last `limit` characters of a step's output: enough for the UI and the attempt record.
 * With a mask, every way out (the live tail, the final log) hides the step's secrets; the text is
 * masked as a whole, so a value split across output chunks is hidden too.
 */
export class LogBuffer {
  private text = '';
  private dropped = 0;
  private mask: SecretMask | undefined;
  constructor(private readonly limit = 256 * 1024) {}

  /** The step's secrets are known: hide them from here on (nothing was read out before). */
  hide(mask: SecretMask): void {
    this.mask = mask;
  }

  append(chunk: string): void {
    this.text += chunk;
    if (this.text.length > this.limit * 2) this.trim();
  }

  tail(chars: number): string {
    return (this.mask ? this.mask.redactLive(this.text) : this.text).slice(-chars);
  }

  toString(): string {
    this.trim();
    const text = this.mask ? this.mask.redact(this.text) : this.text;
    return this.dropped > 0 ? `[… ${this.dropped} earlier characters dropped]\n${text}` : text;
  }

  private trim(): void {
    if (this.text.length <= this.limit) return;
    // masked before it is cut: a cut through a value would leave a piece that no longer matches
    if (this.mask) this.text = this.mask.redact(this.text);
    this.dropped += Math.max(0, this.text.length - this.limit);
    this.text = this.text.slice(-this.limit);
  }
}
