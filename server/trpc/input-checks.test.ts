import { describe, expect, it } from 'vitest';
import { inputProblem, MAX_INPUT_DEPTH } from './input-checks';

const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('inputProblem', () => {
  it('passes plain JSON inputs', () => {
    expect(inputProblem({ projectId: 'p', spec: { nodes: [{ id: 'a', label: 'ünïcode 🚀', config: { n: [1, null, true] } }] } })).toBeNull();
    expect(inputProblem(undefined)).toBeNull();
    expect(inputProblem({ json: 1, other: 2 })).toBeNull();
  });

  it('names the field of a NUL, a lone surrogate (in a value or a key) and a reserved key', () => {
    expect(inputProblem({ a: [{ b: 'x\u0000' }] })).toBe('a.0.b: contains a NUL character');
    expect(inputProblem({ a: 'x\udc00y' })).toBe('a: contains a lone surrogate (not valid Unicode text)');
    expect(inputProblem({ ['k\ud83d']: 1 })).toBe('k\ud83d: contains a lone surrogate (not valid Unicode text)');
    expect(inputProblem(JSON.parse('{"a":{"__proto__":1}}'))).toBe('a.__proto__: "__proto__" is a reserved name');
    expect(inputProblem('\u0000')).toBe('input: contains a NUL character');
  });

  it('bounds the depth without recursion (10,000 levels answer, not overflow)', () => {
    expect(inputProblem(nested(MAX_INPUT_DEPTH))).toBeNull();
    expect(inputProblem(nested(MAX_INPUT_DEPTH + 1))).toMatch(/nested deeper than 64 levels$/);
    expect(inputProblem({ d: nested(10_000) })).toMatch(/^d(\.0)+: nested deeper than 64 levels$/);
  });

  it('refuses a superjson envelope, whose references could expand or close a cycle', () => {
    expect(inputProblem({ json: { a: 1 }, meta: { referentialEqualities: { a: ['b'] } } })).toMatch(/^input: send plain JSON/);
  });
});
