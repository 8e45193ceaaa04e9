import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, parseExpression, type TExpr } from './index';
import { errorOf, valueOf } from './test-run';

function ast(source: string): TExpr {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.ast;
}

/** The AST as a fully parenthesized string, to check grouping at a glance. */
function shape(node: TExpr): string {
  switch (node.type) {
    case 'literal':
      return JSON.stringify(node.value);
    case 'identifier':
      return node.name;
    case 'list':
      return `[${node.items.map(shape).join(', ')}]`;
    case 'member':
      return `${shape(node.object)}.${node.property}`;
    case 'index':
      return `${shape(node.object)}[${shape(node.index)}]`;
    case 'unary':
      return `(${node.operator} ${shape(node.operand)})`;
    case 'binary':
    case 'logical':
      return `(${shape(node.left)} ${node.operator} ${shape(node.right)})`;
    case 'call':
      return `${node.name}(${node.args.map(shape).join(', ')})`;
  }
}

describe('parseExpression: precedence', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 - 2 - 3', '((1 - 2) - 3)'],
    ['8 / 4 / 2', '((8 / 4) / 2)'],
    ['a % b * c', '((a % b) * c)'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['-a.b', '(- a.b)'],
    ['- 2 * 3', '((- 2) * 3)'],
    ['!a == b', '((not a) == b)'],
    ['not a == b', '(not (a == b))'],
    ['not a and b', '((not a) and b)'],
    ['a + 1 < b * 2', '((a + 1) < (b * 2))'],
    ['a or b and c', '(a or (b and c))'],
    ['a || b && c', '(a or (b and c))'],
    ['a and b or c and d', '((a and b) or (c and d))'],
    ['a == 1 and b != 2 or c', '(((a == 1) and (b != 2)) or c)'],
    ['x in [1, 2] and y not in "abc"', '((x in [1, 2]) and (y not in "abc"))'],
    ['a.b[c.d].e', 'a.b[c.d].e'],
    ['len(a.b) + 1 >= max(1, 2)', '((len(a.b) + 1) >= max(1, 2))'],
    ['a.in.not', 'a.in.not'],
  ])('%s → %s', (source, expected) => {
    expect(shape(ast(source))).toBe(expected);
  });

  it('evaluates with that precedence', () => {
    expect(valueOf('1 + 2 * 3 - 4 / 2')).toBe(5);
    expect(valueOf('(1 + 2) * (3 - 1)')).toBe(6);
    expect(valueOf('10 - 4 - 3')).toBe(3);
    expect(valueOf('-2 * -3')).toBe(6);
    expect(valueOf('not 1 == 2')).toBe(true);
    expect(valueOf('true or false and false')).toBe(true);
    expect(valueOf('(true or false) and false')).toBe(false);
  });

  it('records the position of each node’s own token', () => {
    expect(ast('a.b >= 1')).toMatchObject({ type: 'binary', position: 4, left: { type: 'member', property: 'b', position: 2, object: { position: 0 } } });
    expect(ast('  len(x)')).toMatchObject({ type: 'call', name: 'len', position: 2 });
  });

  it('accepts whitespace and newlines anywhere between tokens, and trailing commas', () => {
    expect(shape(ast('\n  a\n    and\tb  '))).toBe('(a and b)');
    expect(shape(ast('[1, 2,]'))).toBe('[1, 2]');
    expect(shape(ast('max(1, 2,)'))).toBe('max(1, 2)');
    expect(shape(ast('[]'))).toBe('[]');
  });
});

describe('parseExpression: errors say what and where', () => {
  it.each([
    ['(a + b))', "Unexpected token ')' at 7"],
    ['(a + )', "Unexpected token ')' at 5"],
    ['a +', 'Unexpected end of expression at 3'],
    ['a b', "Unexpected token 'b' at 2"],
    ['a and or b', "Unexpected token 'or' at 6"],
    ['in', "Unexpected token 'in' at 0"],
    ['a == not b', "Unexpected token 'not' at 5"],
    ['"x" "y"', `Unexpected token '"y"' at 4`],
    ['(a + b', "Expected ')' but the expression ended at 6"],
    ['(a b)', "Expected ')' but found 'b' at 3"],
    ['[1, 2', "Expected ',' or ']' but the expression ended at 5"],
    ['[1 2]', "Expected ',' or ']' but found '2' at 3"],
    ['a[1', "Expected ']' but the expression ended at 3"],
    ['max(1 2)', "Expected ',' or ')' but found '2' at 6"],
    ['a.', "Expected a property name after '.' but the expression ended at 2"],
    ['a."b"', `Expected a property name after '.' but found '"b"' at 2`],
    ['a.1', 'Write [1] to index a list, not .1 at 2'],
    ['steps.1st.status', 'Write ["1st"] for a property name that starts with a digit at 6'],
    ['exec(1)', "Unknown function 'exec' at 0"],
    ['x + eval("1")', "Unknown function 'eval' at 4"],
    ['a.toString()', "Unknown function 'a.toString' at 0"],
    ['(len)(x)', "Unknown function '(len)' at 0"],
    ['len(x)(y)', "Unknown function 'len(x)' at 0"],
    ['len()', 'len() takes 1 argument, got 0 at 0'],
    ['1 + len(a, b)', 'len() takes 1 argument, got 2 at 4'],
    ['round(1, 2, 3)', 'round() takes 1 or 2 arguments, got 3 at 0'],
    ['min()', 'min() takes at least 1 argument, got 0 at 0'],
    ['contains([1])', 'contains() takes 2 arguments, got 1 at 0'],
    ['1 < 2 < 3', "Comparisons cannot be chained; join them with 'and' at 6"],
    ['a == b == c', "Comparisons cannot be chained; join them with 'and' at 7"],
    ['', 'Expression is empty at 0'],
    ['   ', 'Expression is empty at 0'],
  ])('%s', (source, message) => {
    expect(errorOf(source)).toBe(message);
  });

  it('returns the position as a number too', () => {
    expect(parseExpression('steps.a.status == "ok" and )')).toEqual({ ok: false, error: { message: "Unexpected token ')' at 27", position: 27 } });
  });

  it('refuses text that is not a string instead of throwing', () => {
    expect(parseExpression(undefined as unknown as string)).toEqual({ ok: false, error: { message: 'An expression must be text at 0', position: 0 } });
  });
});

describe('parseExpression: limits', () => {
  it(`accepts ${MAX_EXPRESSION_LENGTH} characters and refuses one more`, () => {
    const longest = `"${'x'.repeat(MAX_EXPRESSION_LENGTH - 2)}"`;
    expect(parseExpression(longest).ok).toBe(true);
    expect(parseExpression(`${longest} `)).toEqual({
      ok: false,
      error: { message: `Expression is longer than ${MAX_EXPRESSION_LENGTH} characters at ${MAX_EXPRESSION_LENGTH}`, position: MAX_EXPRESSION_LENGTH },
    });
  });

  it(`accepts ${MAX_EXPRESSION_DEPTH} levels of nesting and refuses the next, of every kind`, () => {
    const d = MAX_EXPRESSION_DEPTH;
    expect(valueOf(`${'('.repeat(d)}1${')'.repeat(d)}`)).toBe(1);
    expect(errorOf(`${'('.repeat(d + 1)}1${')'.repeat(d + 1)}`)).toBe(`Expression nests deeper than ${d} levels at ${d}`);
    expect(errorOf(`${'['.repeat(d + 1)}${']'.repeat(d + 1)}`)).toBe(`Expression nests deeper than ${d} levels at ${d}`);
    expect(errorOf(`${'abs('.repeat(d + 1)}1${')'.repeat(d + 1)}`)).toMatch(/^Expression nests deeper than 64 levels at \d+$/);
    expect(errorOf(`a${'[a'.repeat(d + 1)}${']'.repeat(d + 1)}`)).toMatch(/^Expression nests deeper than 64 levels/);
    expect(valueOf(`${'!'.repeat(d)}true`)).toBe(true);
    expect(errorOf(`${'!'.repeat(d + 1)}true`)).toBe(`Expression nests deeper than ${d} levels at ${d}`);
    expect(errorOf(`${'-'.repeat(d + 1)}1`)).toBe(`Expression nests deeper than ${d} levels at ${d}`);
    expect(errorOf(`${'not '.repeat(d + 1)}true`)).toBe(`Expression nests deeper than ${d} levels at ${d * 4}`);
  });

  it('nests only to the limit even in the longest source: no stack overflow', () => {
    const half = MAX_EXPRESSION_LENGTH / 2;
    expect(errorOf('('.repeat(half) + ')'.repeat(half))).toMatch(/^Expression nests deeper/);
    expect(errorOf('[' .repeat(MAX_EXPRESSION_LENGTH))).toMatch(/^Expression nests deeper/);
  });

  it('evaluates long flat chains (binary operators and member access are not nesting)', () => {
    expect(valueOf(Array.from({ length: 999 }, () => '1').join('+'))).toBe(999);
    expect(valueOf(`a${'.a'.repeat(999)}`, { a: null })).toBe(null);
    // r.a.a…a: 998 member accesses in 1,997 characters, read down a 998-deep object.
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 997; i++) at = at.a = {};
    at.a = 'bottom';
    expect(valueOf(`r${'.a'.repeat(998)}`, { r: deep })).toBe('bottom');
  });
});
