/**
 * Hides a step's secret values in what it prints: the value and its base64 (standard and URL-safe,
 * padded or not, and at each of the three byte alignments it can take inside a longer base64
 * text) and URL-encoded forms become `***`.
 */
export const MASK = '***';

/** Shorter forms (the inner base64 of a short value) would mask ordinary text. */
const MIN_FORM_CHARS = 4;

export class SecretMask {
  private readonly forms: string[];
  private readonly pattern: RegExp | undefined;

  constructor(values: Iterable<string>) {
    const forms = new Set<string>();
    for (const value of values) for (const form of secretForms(value)) if (form.length >= MIN_FORM_CHARS) forms.add(form);
    // longest first: a form that contains another is masked whole
    this.forms = [...forms].sort((a, b) => b.length - a.length);
    this.pattern = this.forms.length ? new RegExp(this.forms.map(escapeRegExp).join('|'), 'g') : undefined;
  }

  /** Text whose end is final (a finished step's log, an error message). */
  redact(text: string): string {
    return this.pattern ? text.replace(this.pattern, MASK) : text;
  }

  /** As redact, with where each hidden value was in `text` ([start, end) offsets), for what sits beside it (a line's time). */
  redactSpans(text: string): { text: string; spans: [number, number][] } {
    const spans: [number, number][] = [];
    if (!this.pattern) return { text, spans };
    const masked = text.replace(this.pattern, (value: string, at: number) => {
      spans.push([at, at + value.length]);
      return MASK;
    });
    return { text: masked, spans };
  }

  /**
   * Masked text that may still grow (a running step's log tail): how many characters at its end
   * to hold back, as they may be the start of a value whose rest is not printed yet, so that no
   * prefix of a secret is ever shown.
   */
  unfinished(masked: string): number {
    let held = 0;
    for (const form of this.forms) held = Math.max(held, unfinishedPrefix(masked, form));
    return held;
  }
}

/** The length of the longest end of `text` that is a proper prefix of `form`. */
function unfinishedPrefix(text: string, form: string): number {
  const first = form[0]!;
  for (let i = text.indexOf(first, Math.max(0, text.length - form.length + 1)); i !== -1; i = text.indexOf(first, i + 1)) {
    if (form.startsWith(text.slice(i))) return text.length - i;
  }
  return 0;
}

function secretForms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const padded = bytes.toString('base64');
  const forms = [value, padded, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2)];
  // inside a longer base64 text the value starts 0, 1 or 2 bytes into a 3-byte group: keep the
  // characters that depend on the value's bytes alone
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const core = encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
    forms.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  forms.push(padded.replace(/=+$/, ''), bytes.toString('base64url'));
  return forms;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
