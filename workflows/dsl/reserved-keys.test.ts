import { describe, expect, it } from 'vitest';
import { reservedKeyPath } from './reserved-keys';
import { ZPipelineSpecSchema } from './spec';

const specWith = (node: Record<string, unknown>, parameters: Record<string, unknown> = {}) =>
  JSON.parse(JSON.stringify({ nodes: [{ id: 'a', kind: 'noop', ...node }], edges: [], parameters }));

const messages = (value: unknown) => ZPipelineSpecSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('reserved keys', () => {
  it('finds a reserved key at any depth, with its path', () => {
    expect(reservedKeyPath({ a: [{ b: 1 }, { c: { prototype: 1 } }] })).toEqual(['a', 1, 'c', 'prototype']);
    expect(reservedKeyPath(JSON.parse('{"x":{"__proto__":{}}}'))).toEqual(['x', '__proto__']);
    expect(reservedKeyPath({ a: ['constructor'], b: 'prototype' })).toBeNull();
  });

  it('the spec refuses them in a config (any depth) and in parameter names, naming the field', () => {
    expect(messages(specWith({ config: { constructor: 1 } }))).toEqual(['nodes.0.config.constructor: "constructor" is a reserved name']);
    expect(messages(specWith({ config: { body: { deep: JSON.parse('{"__proto__":{"x":1}}') } } }))).toEqual([
      'nodes.0.config.body.deep.__proto__: "__proto__" is a reserved name',
    ]);
    expect(messages(specWith({}, { prototype: 'x' }))).toEqual(['parameters.prototype: "prototype" is a reserved name']);
    expect(ZPipelineSpecSchema.safeParse(specWith({ config: { constructorName: 'ok' } }, { proto: 1 })).success).toBe(true);
  });
});
