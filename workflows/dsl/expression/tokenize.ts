import { fail, quote } from './error';

export type TToken =
  | { kind: 'number'; value: number; text: string; position: number }
  | { kind: 'string'; value: string; text: string; position: number }
  /** identifiers and keywords alike: the parser tells them apart */
  | { kind: 'name'; text: string; position: number }
  | { kind: 'symbol'; text: string; position: number }
  | { kind: 'end'; text: ''; position: number };

export const KEYWORDS: ReadonlySet<string> = new Set(['true', 'false', 'null', 'and', 'or', 'not', 'in']);

// Longest first, so that `<=` is not read as `<` then `=`.
const SYMBOLS = ['<=', '>=', '==', '!=', '&&', '||', '<', '>', '!', '+', '-', '*', '/', '%', '(', ')', '[', ']', ',', '.'];
const MISTAKES: Record<string, string> = { '=': "Use '==' to compare, not '='", '&': "Use '&&' or 'and', not '&'", '|': "Use '||' or 'or', not '|'" };

const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const WORD_TAIL = /[A-Za-z0-9_.]*/y;
const SPACE = /[ \t\r\n]/;
const NAME_START = /[A-Za-z_]/;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0', '\\': '\\', "'": "'", '"': '"' };

/** Source text → tokens, ending with one `end` token. Throws ExpressionFailure (parse.ts catches it). */
export function tokenize(source: string): TToken[] {
  const tokens: TToken[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (SPACE.test(char)) {
      i++;
    } else if (char >= '0' && char <= '9') {
      const token = readNumber(source, i);
      tokens.push(token);
      i += token.text.length;
    } else if (char === '"' || char === "'") {
      const token = readString(source, i);
      tokens.push(token);
      i += token.text.length;
    } else if (NAME_START.test(char)) {
      NAME.lastIndex = i;
      const text = NAME.exec(source)![0];
      tokens.push({ kind: 'name', text, position: i });
      i += text.length;
    } else {
      const symbol = SYMBOLS.find((s) => source.startsWith(s, i));
      if (!symbol) fail(Object.hasOwn(MISTAKES, char) ? MISTAKES[char]! : `Unexpected character ${quote(char)}`, i);
      tokens.push({ kind: 'symbol', text: symbol, position: i });
      i += symbol.length;
    }
  }
  tokens.push({ kind: 'end', text: '', position: source.length });
  return tokens;
}

function readNumber(source: string, start: number): TToken {
  NUMBER.lastIndex = start;
  const text = NUMBER.exec(source)![0];
  const end = start + text.length;
  // `1.`, `1e`, `12abc`, `1.2.3`: one bad word, not a number followed by something.
  if (end < source.length && /[A-Za-z0-9_.]/.test(source[end]!)) {
    WORD_TAIL.lastIndex = end;
    const word = text + WORD_TAIL.exec(source)![0];
    // `steps.1st.status`: a node id that starts with a digit must be written as an index.
    const afterDot = source.slice(0, start).trimEnd().endsWith('.');
    fail(afterDot ? `Write [${JSON.stringify(word.split('.')[0])}] for a property name that starts with a digit` : `Invalid number ${quote(word)}`, start);
  }
  const value = Number(text);
  if (!Number.isFinite(value)) fail(`Number ${quote(text)} is too large`, start);
  return { kind: 'number', value, text, position: start };
}

function readString(source: string, start: number): TToken {
  const quoteChar = source[start]!;
  let value = '';
  let i = start + 1;
  while (i < source.length) {
    const char = source[i]!;
    if (char === quoteChar) return { kind: 'string', value, text: source.slice(start, i + 1), position: start };
    if (char !== '\\') {
      value += char;
      i++;
      continue;
    }
    const next = source[i + 1];
    if (next === undefined) break;
    if (next === 'u') {
      const hex = source.slice(i + 2, i + 6);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) fail(`Invalid escape ${quote(`\\u${hex}`)}; write \\u and four hex digits`, i);
      value += String.fromCharCode(parseInt(hex, 16));
      i += 6;
    } else if (Object.hasOwn(ESCAPES, next)) {
      value += ESCAPES[next]!;
      i += 2;
    } else {
      fail(`Invalid escape ${quote(`\\${next}`)}`, i);
    }
  }
  fail('Unterminated string', start);
}
