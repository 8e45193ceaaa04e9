// A lone surrogate half is not text: Postgres refuses it in jsonb (and NUL in any text), so a
// request carrying one failed deep in a query as a 500.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE = new RegExp(`\\u0000|${LONE_SURROGATE.source}`, 'g');

/** Why `text` cannot be stored as it is, or null. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(text)) return 'contains a lone surrogate (not valid Unicode text)';
  return null;
}

/** `text` with every unstorable character replaced by U+FFFD (for quoting what a caller sent). */
export const storableText = (text: string): string => text.replace(UNSTORABLE, '\uFFFD');
