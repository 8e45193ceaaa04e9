import { describe, expect, it } from 'vitest';
import { ExpressionFailure } from './error';
import { tokenize } from './tokenize';

const kinds = (source: string) => tokenize(source).map((t) => `${t.kind}:${t.text}`);

function failure(source: string) {
  try {
    tokenize(source);
  } catch (error) {
    if (error instanceof ExpressionFailure) return error.error;
    throw error;
  }
  throw new Error(`${source}: tokenized without error`);
}

describe('tokenize', () => {
  it('reads numbers, strings, names and symbols with their positions', () => {
    const tokens = tokenize('a.b >= 1.5e3 and "x"');
    expect(tokens.map((t) => [t.kind, t.position])).toEqual([
      ['name', 0],
      ['symbol', 1],
      ['name', 2],
      ['symbol', 4],
      ['number', 7],
      ['name', 13],
      ['string', 17],
      ['end', 20],
    ]);
    expect(tokens[4]).toMatchObject({ kind: 'number', value: 1500 });
  });

  it('prefers the longest symbol', () => {
    expect(kinds('a<=b!=c&&d||!e')).toEqual([
      'name:a', 'symbol:<=', 'name:b', 'symbol:!=', 'name:c', 'symbol:&&', 'name:d', 'symbol:||', 'symbol:!', 'name:e', 'end:',
    ]);
  });

  it('reads ints, decimals and exponents', () => {
    for (const [text, value] of [['0', 0], ['42', 42], ['3.25', 3.25], ['1e3', 1000], ['2.5E-2', 0.025], ['7e+1', 70]] as const) {
      expect(tokenize(text)[0]).toMatchObject({ kind: 'number', value });
    }
  });

  it('unescapes strings in either quote', () => {
    expect(tokenize(String.raw`'it\'s' "say \"hi\"" "a\\b\n\t\u00e9"`).slice(0, 3).map((t) => ('value' in t ? t.value : t.text))).toEqual([
      "it's",
      'say "hi"',
      'a\\b\n\té',
    ]);
    expect(tokenize(`'a "b"' "c 'd'"`).slice(0, 2).map((t) => ('value' in t ? t.value : null))).toEqual(['a "b"', "c 'd'"]);
  });

  it('refuses bad input with the offending position', () => {
    expect(failure('a # b')).toEqual({ message: "Unexpected character '#' at 2", position: 2 });
    expect(failure('x = 1')).toEqual({ message: "Use '==' to compare, not '=' at 2", position: 2 });
    expect(failure('a & b').message).toBe("Use '&&' or 'and', not '&' at 2");
    expect(failure('a | b').message).toBe("Use '||' or 'or', not '|' at 2");
    expect(failure('x == "abc')).toEqual({ message: 'Unterminated string at 5', position: 5 });
    expect(failure("'abc\\")).toEqual({ message: 'Unterminated string at 0', position: 0 });
    expect(failure('"a\\qb"')).toEqual({ message: "Invalid escape '\\q' at 2", position: 2 });
    expect(failure('"\\u12"').message).toBe("Invalid escape '\\u12\"'; write \\u and four hex digits at 1");
    expect(failure('1 + 2abc')).toEqual({ message: "Invalid number '2abc' at 4", position: 4 });
    expect(failure('1.')).toEqual({ message: "Invalid number '1.' at 0", position: 0 });
    expect(failure('1e')).toEqual({ message: "Invalid number '1e' at 0", position: 0 });
    expect(failure('1.2.3').message).toBe("Invalid number '1.2.3' at 0");
    expect(failure('1e999').message).toBe("Number '1e999' is too large at 0");
    expect(failure('a @').position).toBe(2);
  });
});
