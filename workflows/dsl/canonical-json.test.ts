import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts object keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('gives equal text for equal values built in different key orders', () => {
    const one = { name: 'x', steps: [{ id: 'a', config: { code: 'print(1)', n: 2 } }], ok: true };
    const two = { ok: true, steps: [{ config: { n: 2, code: 'print(1)' }, id: 'a' }], name: 'x' };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it('keeps array order (arrays are not sets)', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('drops undefined properties, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson({ b: 1 })).toBe(canonicalJson({ b: 1, a: undefined }));
  });

  it('serializes primitives like JSON.stringify', () => {
    for (const value of ['x', 1.5, 0, true, false, null, 'quote " and \\ and ü']) {
      expect(canonicalJson(value)).toBe(JSON.stringify(value));
    }
  });

  it('is JSON that parses back to an equal value', () => {
    const value = { z: [1, 'two', { b: false, a: null }], a: { nested: { deep: 'yes' } } };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('is deterministic for integer-like keys too', () => {
    expect(canonicalJson({ '10': 'a', '2': 'b', x: 1 })).toBe(canonicalJson({ x: 1, '2': 'b', '10': 'a' }));
  });
});
