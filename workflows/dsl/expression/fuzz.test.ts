import { describe, expect, it } from 'vitest';
import { evaluateExpression, expressionReferences, MAX_EXPRESSION_LENGTH, parseExpression } from './index';

/** mulberry32: a small seeded generator, so that a failing soup can be reproduced from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  'steps', 'params', 'a', 'b', 'evaluate', 'metrics', 'accuracy', 'status', 'list', 'nested', 'x',
  '.', '.', '[', ']', '(', ')', ',', '[', ']', '(', ')',
  '+', '-', '*', '/', '%', '<', '<=', '>', '>=', '==', '!=', '!', '&&', '||', '=', '&', '|',
  'and', 'or', 'not', 'in', 'not in', 'true', 'false', 'null',
  '0', '1', '2', '-1', '0.5', '1e3', '1e308', '1.', '1e', '007', '3.14',
  '"s"', "'t'", '"a\\"b"', '"\\u00e9"', '"\\q"', '"open', "'", '"',
  'len', 'min', 'max', 'abs', 'round', 'lower', 'upper', 'contains', 'exec', 'eval', 'toString',
  '__proto__', 'constructor', 'prototype', '"__proto__"', '"constructor"',
  ' ', ' ', ' ', '\n', '\t', '#', '@', '$', '`', ';', '{', '}', ':', '?', '\\', 'é', '😀',
];

const context = {
  steps: { evaluate: { status: 'succeeded', metrics: { accuracy: 0.9 } } },
  params: { min_accuracy: 0.8, name: 'run' },
  a: 1,
  b: 'two',
  list: [1, 'x', null, [2]],
  nested: { x: { x: { x: 1 } } },
  x: null,
};

function soup(next: () => number): string {
  const length = Math.floor(next() * 40);
  let source = '';
  for (let i = 0; i < length; i++) {
    source += next() < 0.03 ? String.fromCharCode(Math.floor(next() * 0x3000)) : FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]!;
    if (next() < 0.5) source += ' ';
  }
  return source;
}

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const OPERATORS = ['+', '-', '*', '/', '%', '<', '<=', '>', '>=', '==', '!=', 'in', 'not in', 'and', 'or', '&&', '||'];
const LEAVES = [
  ...['0', '1', '-2', '0.5', '1e3', '"s"', "'t'", '""', 'true', 'false', 'null'],
  ...['a', 'b', 'x', 'list', 'nested.x.x', 'steps.evaluate.metrics.accuracy', 'params.min_accuracy', 'params.name', 'steps.nope.status'],
];
const FUNCTION_NAMES = ['len', 'min', 'max', 'abs', 'round', 'lower', 'upper', 'contains'];

/** A random, mostly well-formed expression, so that the evaluator is reached often. */
function grown(next: () => number, depth = 0): string {
  const roll = depth > 4 ? 0 : next();
  if (roll < 0.35) return pick(next, LEAVES);
  if (roll < 0.6) return `${grown(next, depth + 1)} ${pick(next, OPERATORS)} ${grown(next, depth + 1)}`;
  if (roll < 0.68) return `(${grown(next, depth + 1)})`;
  if (roll < 0.76) return `[${Array.from({ length: Math.floor(next() * 3) }, () => grown(next, depth + 1)).join(', ')}]`;
  if (roll < 0.86) return `${pick(next, FUNCTION_NAMES)}(${Array.from({ length: Math.floor(next() * 3) }, () => grown(next, depth + 1)).join(', ')})`;
  if (roll < 0.93) return `${pick(next, ['!', '-', 'not '])}${grown(next, depth + 1)}`;
  return `${grown(next, depth + 1)}[${grown(next, depth + 1)}]`;
}

/** Sometimes break it: drop, duplicate or insert a piece. */
function mutated(next: () => number, source: string): string {
  if (next() < 0.6) return source;
  const at = Math.floor(next() * (source.length + 1));
  const roll = next();
  if (roll < 0.33) return source.slice(0, at) + source.slice(at + 1 + Math.floor(next() * 3));
  if (roll < 0.66) return source.slice(0, at) + pick(next, FRAGMENTS) + source.slice(at);
  return source.slice(0, at) + source.slice(Math.max(0, at - 3), at) + source.slice(at);
}

function isJsonLike(value: unknown): boolean {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isJsonLike);
  return typeof value === 'object' && Object.values(value as object).every(isJsonLike);
}

describe('fuzz: random token soups and mangled expressions', () => {
  it('never throw: every source parses or errors, every AST evaluates or errors, with a position inside the source', () => {
    const next = random(20240611);
    let parsedCount = 0;
    let evaluatedCount = 0;
    for (let i = 0; i < 20_000; i++) {
      const source = i % 2 === 0 ? soup(next) : mutated(next, grown(next));
      const parsed = parseExpression(source);
      if (!parsed.ok) {
        expect(parsed.error.position, source).toBeGreaterThanOrEqual(0);
        expect(parsed.error.position, source).toBeLessThanOrEqual(source.length);
        expect(parsed.error.message.endsWith(` at ${parsed.error.position}`), source).toBe(true);
        continue;
      }
      parsedCount++;
      expect(Array.isArray(expressionReferences(parsed.ast)), source).toBe(true);
      const result = evaluateExpression(parsed.ast, context);
      if (result.ok) {
        evaluatedCount++;
        expect(isJsonLike(result.value), source).toBe(true);
      } else {
        expect(result.error.position, source).toBeLessThanOrEqual(source.length);
        expect(result.error.message.endsWith(` at ${result.error.position}`), source).toBe(true);
      }
    }
    // The soup must reach the evaluator often enough to mean something.
    expect(parsedCount).toBeGreaterThan(5_000);
    expect(evaluatedCount).toBeGreaterThan(1_000);
  });

  it('never throws on random characters, nor on long or deeply bracketed input', () => {
    const next = random(7);
    for (let i = 0; i < 5_000; i++) {
      const length = Math.floor(next() * 60);
      const source = Array.from({ length }, () => String.fromCharCode(32 + Math.floor(next() * 95))).join('');
      expect(() => parseExpression(source)).not.toThrow();
    }
    for (const open of ['(', '[', '!', '-', 'not ', 'abs(', 'a[', '((a', '[[1,']) {
      const source = open.repeat(Math.ceil(MAX_EXPRESSION_LENGTH / open.length)).slice(0, MAX_EXPRESSION_LENGTH);
      const parsed = parseExpression(source);
      expect(parsed.ok, open).toBe(false);
    }
  });
});
