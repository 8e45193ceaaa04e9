import { isForbiddenName, type TBinaryOperator, type TComparisonOperator, type TExpr } from './ast';
import { ExpressionFailure, fail, quote, type TExpressionError } from './error';
import { arityProblem, functionNamed } from './functions';
import { KEYWORDS, tokenize, type TToken } from './tokenize';

export const MAX_EXPRESSION_LENGTH = 2_000;
/** Brackets, parentheses, calls and prefix operators inside one another: deeper is refused, never a stack overflow. */
export const MAX_EXPRESSION_DEPTH = 64;

export type TParseResult = { ok: true; ast: TExpr } | { ok: false; error: TExpressionError };

/**
 * Source text → AST, or the first error with its position. Precedence, loosest first:
 * `or ||` · `and &&` · `not` (as in Python: `not a == b` is `not (a == b)`) · comparisons
 * `== != < <= > >= in, not in` (not chainable) · `+ -` · `* / %` · prefix `! -` · `.x [i] f()`.
 */
export function parseExpression(source: string): TParseResult {
  try {
    if (typeof source !== 'string') fail('An expression must be text', 0);
    if (source.length > MAX_EXPRESSION_LENGTH) fail(`Expression is longer than ${MAX_EXPRESSION_LENGTH} characters`, MAX_EXPRESSION_LENGTH);
    const tokens = tokenize(source);
    if (tokens.length === 1) fail('Expression is empty', 0);
    return { ok: true, ast: new Parser(source, tokens).parse() };
  } catch (error) {
    if (error instanceof ExpressionFailure) return { ok: false, error: error.error };
    throw error;
  }
}

const COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=']);

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: TToken[],
  ) {}

  parse(): TExpr {
    const ast = this.or();
    if (this.peek().kind !== 'end') this.unexpected(this.peek());
    return ast;
  }

  private or(): TExpr {
    let left = this.and();
    while (this.isName('or') || this.isSymbol('||')) {
      const { position } = this.next();
      left = { type: 'logical', operator: 'or', left, right: this.and(), position };
    }
    return left;
  }

  private and(): TExpr {
    let left = this.not();
    while (this.isName('and') || this.isSymbol('&&')) {
      const { position } = this.next();
      left = { type: 'logical', operator: 'and', left, right: this.not(), position };
    }
    return left;
  }

  private not(): TExpr {
    if (!this.isName('not')) return this.comparison();
    const { position } = this.next();
    return { type: 'unary', operator: 'not', operand: this.nested(position, () => this.not()), position };
  }

  private comparison(): TExpr {
    const left = this.additive();
    const operator = this.comparisonOperator();
    if (!operator) return left;
    const { position } = this.next();
    if (operator === 'not in') this.next();
    const right = this.additive();
    if (this.comparisonOperator()) fail("Comparisons cannot be chained; join them with 'and'", this.peek().position);
    return { type: 'binary', operator, left, right, position };
  }

  private comparisonOperator(): TComparisonOperator | undefined {
    const token = this.peek();
    if (token.kind === 'symbol' && COMPARISONS.has(token.text)) return token.text as TComparisonOperator;
    if (this.isName('in')) return 'in';
    if (this.isName('not') && this.isName('in', 1)) return 'not in';
    return undefined;
  }

  private additive(): TExpr {
    let left = this.multiplicative();
    while (this.isSymbol('+') || this.isSymbol('-')) {
      const { text, position } = this.next();
      left = { type: 'binary', operator: text as TBinaryOperator, left, right: this.multiplicative(), position };
    }
    return left;
  }

  private multiplicative(): TExpr {
    let left = this.unary();
    while (this.isSymbol('*') || this.isSymbol('/') || this.isSymbol('%')) {
      const { text, position } = this.next();
      left = { type: 'binary', operator: text as TBinaryOperator, left, right: this.unary(), position };
    }
    return left;
  }

  private unary(): TExpr {
    if (!this.isSymbol('!') && !this.isSymbol('-')) return this.postfix();
    const { text, position } = this.next();
    return { type: 'unary', operator: text === '!' ? 'not' : '-', operand: this.nested(position, () => this.unary()), position };
  }

  private postfix(): TExpr {
    const start = this.peek().position;
    let node = this.primary();
    for (;;) {
      if (this.isSymbol('.')) {
        this.next();
        const name = this.next();
        if (name.kind === 'number') fail(`Write [${name.text}] to index a list, not .${name.text}`, name.position);
        if (name.kind !== 'name') this.failExpected("a property name after '.'", name);
        this.refuseForbidden(name.text, name.position);
        node = { type: 'member', object: node, property: name.text, position: name.position };
      } else if (this.isSymbol('[')) {
        const { position } = this.next();
        const index = this.nested(position, () => this.or());
        if (index.type === 'literal' && typeof index.value === 'string') this.refuseForbidden(index.value, index.position);
        this.expect(']');
        node = { type: 'index', object: node, index, position };
      } else if (this.isSymbol('(')) {
        fail(`Unknown function ${quote(this.source.slice(start, this.peek().position).trim())}`, start);
      } else {
        return node;
      }
    }
  }

  private primary(): TExpr {
    const token = this.next();
    if (token.kind === 'number' || token.kind === 'string') return { type: 'literal', value: token.value, position: token.position };
    if (token.kind === 'name') {
      const { text: name, position } = token;
      if (name === 'true' || name === 'false') return { type: 'literal', value: name === 'true', position };
      if (name === 'null') return { type: 'literal', value: null, position };
      if (KEYWORDS.has(name)) this.unexpected(token);
      if (this.isSymbol('(')) return this.call(name, position);
      this.refuseForbidden(name, position);
      return { type: 'identifier', name, position };
    }
    if (token.kind === 'symbol' && token.text === '(') {
      const inner = this.nested(token.position, () => this.or());
      this.expect(')');
      return inner;
    }
    if (token.kind === 'symbol' && token.text === '[') {
      return { type: 'list', items: this.nested(token.position, () => this.sequence(']')), position: token.position };
    }
    return this.unexpected(token);
  }

  private call(name: string, position: number): TExpr {
    if (!functionNamed(name)) fail(`Unknown function ${quote(name)}`, position);
    const paren = this.next();
    const args = this.nested(paren.position, () => this.sequence(')'));
    const problem = arityProblem(name, args.length);
    if (problem) fail(problem, position);
    return { type: 'call', name, args, position };
  }

  /** Comma-separated expressions up to `close` (a trailing comma is allowed), consuming `close`. */
  private sequence(close: ']' | ')'): TExpr[] {
    const items: TExpr[] = [];
    while (!this.isSymbol(close)) {
      items.push(this.or());
      if (!this.isSymbol(',')) break;
      this.next();
    }
    if (!this.isSymbol(close)) this.failExpected(`',' or ${quote(close)}`, this.peek());
    this.next();
    return items;
  }

  private nested<T>(position: number, parse: () => T): T {
    if (++this.depth > MAX_EXPRESSION_DEPTH) fail(`Expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels`, position);
    const result = parse();
    this.depth--;
    return result;
  }

  private expect(symbol: string): void {
    if (!this.isSymbol(symbol)) this.failExpected(quote(symbol), this.peek());
    this.next();
  }

  private failExpected(what: string, found: TToken): never {
    return fail(found.kind === 'end' ? `Expected ${what} but the expression ended` : `Expected ${what} but found ${quote(found.text)}`, found.position);
  }

  private unexpected(token: TToken): never {
    return fail(token.kind === 'end' ? 'Unexpected end of expression' : `Unexpected token ${quote(token.text)}`, token.position);
  }

  private refuseForbidden(name: string, position: number): void {
    if (isForbiddenName(name)) fail(`${quote(name)} is not allowed`, position);
  }

  private peek(offset = 0): TToken {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private next(): TToken {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  private isSymbol(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'symbol' && token.text === text;
  }

  private isName(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'name' && token.text === text;
  }
}
