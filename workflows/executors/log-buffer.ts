/** Keeps the last `limit` characters of a step's output: enough for the UI and the attempt record. */
export class LogBuffer {
  private text = '';
  private dropped = 0;
  constructor(private readonly limit = 256 * 1024) {}

  append(chunk: string): void {
    this.text += chunk;
    if (this.text.length > this.limit * 2) this.trim();
  }

  tail(chars: number): string {
    return this.text.slice(-chars);
  }

  toString(): string {
    this.trim();
    return this.dropped > 0 ? `[… ${this.dropped} earlier characters dropped]\n${this.text}` : this.text;
  }

  private trim(): void {
    if (this.text.length <= this.limit) return;
    this.dropped += this.text.length - this.limit;
    this.text = this.text.slice(-this.limit);
  }
}
