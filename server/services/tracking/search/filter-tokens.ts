import { AppError } from '../../../errors';

/** Tokens of MLflow's search syntax (filters and order_by clauses). */
export type TToken =
  | { kind: 'ident'; entity: string | null; key: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'op'; value: '=' | '!=' | '<' | '<=' | '>' | '>='; at: number }
  | { kind: 'word'; value: 'AND' | 'OR' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT' | 'IS' | 'NULL' | 'ASC' | 'DESC'; at: number }
  | { kind: 'punct'; value: '(' | ')' | ','; at: number };

const WORDS = new Set(['AND', 'OR', 'LIKE', 'ILIKE', 'IN', 'NOT', 'IS', 'NULL', 'ASC', 'DESC']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
// a key after `prefix.` unquoted: what MLflow allows in names (letters, digits, _ - . / : )
const BARE_KEY = /^[\w\-./:]+/;
const WORD = /^[A-Za-z_]\w*/;

export const syntaxError = (message: string, at: number) => new AppError('BAD_REQUEST', `Invalid search syntax at character ${at + 1}: ${message}`);

/** Splits a filter or order_by clause into tokens; quoted keys and strings may contain anything but their quote (doubled to escape). */
export function tokenize(text: string): TToken[] {
  const tokens: TToken[] = [];
  let i = 0;
  const quoted = (quote: string): string => {
    let value = '';
    let j = i + 1;
    for (;;) {
      if (j >= text.length) throw syntaxError(`unterminated ${quote}quoted text`, i);
      if (text[j] === quote) {
        if (text[j + 1] === quote) {
          value += quote;
          j += 2;
          continue;
        }
        break;
      }
      value += text[j];
      j++;
    }
    i = j + 1;
    return value;
  };
  while (i < text.length) {
    const c = text[i]!;
    const at = i;
    const rest = text.slice(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      tokens.push({ kind: 'string', value: quoted(c), at });
    } else if (c === '`') {
      tokens.push({ kind: 'ident', entity: null, key: quoted('`'), at });
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', value: c, at });
      i++;
    } else if (/^(!=|<>|<=|>=|==|=|<|>)/.test(rest)) {
      const op = rest.match(/^(!=|<>|<=|>=|==|=|<|>)/)![0];
      tokens.push({ kind: 'op', value: op === '<>' ? '!=' : op === '==' ? '=' : (op as '=' | '!=' | '<' | '<=' | '>' | '>='), at });
      i += op.length;
    } else if (/^[+-]?(\d|\.\d)/.test(rest)) {
      const number = rest.match(NUMBER)![0];
      tokens.push({ kind: 'number', value: Number(number), at });
      i += number.length;
    } else if (WORD.test(rest)) {
      const word = rest.match(WORD)![0];
      i += word.length;
      if (text[i] === '.') {
        i++;
        tokens.push({ kind: 'ident', entity: word.toLowerCase(), key: identKey(), at });
      } else if (WORDS.has(word.toUpperCase())) {
        tokens.push({ kind: 'word', value: word.toUpperCase() as Extract<TToken, { kind: 'word' }>['value'], at });
      } else {
        tokens.push({ kind: 'ident', entity: null, key: word, at });
      }
    } else {
      throw syntaxError(`unexpected character ${JSON.stringify(c)}`, at);
    }
  }
  return tokens;

  function identKey(): string {
    const c = text[i];
    if (c === '`' || c === '"') return quoted(c);
    const bare = text.slice(i).match(BARE_KEY)?.[0];
    if (!bare) throw syntaxError('a key must follow the dot', i);
    i += bare.length;
    return bare;
  }
}
