import { afterAll, describe, expect, it } from 'vitest';
import { evaluateExpression, type TExpr } from './index';
import { errorOf, valueOf } from './test-run';

const data = { a: { b: 1 }, list: [1, 2], text: 'abc' };

describe('safety: no way to the prototype chain', () => {
  it.each([
    ['constructor', "'constructor' is not allowed at 0"],
    ['constructor.constructor', "'constructor' is not allowed at 0"],
    ['a.constructor.constructor("return process")()', "'constructor' is not allowed at 2"],
    ['text.constructor', "'constructor' is not allowed at 5"],
    ['__proto__', "'__proto__' is not allowed at 0"],
    ['a.__proto__', "'__proto__' is not allowed at 2"],
    ['a["__proto__"]', "'__proto__' is not allowed at 2"],
    ["a['constructor']", "'constructor' is not allowed at 2"],
    ['a.prototype', "'prototype' is not allowed at 2"],
    ['list["constructor"]', "'constructor' is not allowed at 5"],
  ])('refuses %s when parsing', (source, message) => {
    expect(errorOf(source, data)).toBe(message);
  });

  it('refuses computed forbidden keys when evaluating', () => {
    expect(errorOf('a["__pro" + "to__"]', data)).toBe("'__proto__' is not allowed at 1");
    expect(errorOf('a[lower("CONSTRUCTOR")]', data)).toBe("'constructor' is not allowed at 1");
    expect(errorOf('a[x]', { ...data, x: 'prototype' })).toBe("'prototype' is not allowed at 1");
  });

  it('reads inherited names as missing (null), and cannot call them', () => {
    for (const name of ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'toLocaleString']) {
      expect(valueOf(name, data)).toBe(null);
      expect(valueOf(`a.${name}`, data)).toBe(null);
      expect(valueOf(`a["${name}"]`, data)).toBe(null);
      expect(errorOf(`${name}()`, data)).toBe(`Unknown function '${name}' at 0`);
      expect(errorOf(`a.${name}()`, data)).toBe(`Unknown function 'a.${name}' at 0`);
    }
    expect(errorOf('list.length', data)).toBe("Cannot read property 'length' of a list at 5");
    expect(errorOf('list["length"]', data)).toBe('A list index must be a whole number, not a string at 4');
    expect(errorOf('list.map', data)).toBe("Cannot read property 'map' of a list at 5");
  });

  it('does not see keys on the prototype chain with in / contains', () => {
    expect(valueOf('"toString" in a', data)).toBe(false);
    expect(valueOf('"__proto__" in a', data)).toBe(false);
    expect(valueOf('contains(a, "constructor")', data)).toBe(false);
    expect(valueOf('"b" in a', data)).toBe(true);
  });

  it('cannot reach globals', () => {
    for (const name of ['globalThis', 'window', 'global', 'process', 'this', 'Function', 'eval', 'require', 'import', 'Object']) {
      expect(valueOf(name, data)).toBe(null);
      expect(valueOf(`${name}.x == null`, data)).toBe(true);
    }
    expect(errorOf('Function("return 1")')).toBe("Unknown function 'Function' at 0");
    expect(errorOf('require("fs")')).toBe("Unknown function 'require' at 0");
  });
});

describe('safety: only own, enumerable data of plain objects is read', () => {
  it('never runs a getter', () => {
    let calls = 0;
    const context = {
      get secret() {
        calls++;
        return 'leaked';
      },
      nested: Object.defineProperty({}, 'secret', { enumerable: true, get: () => `${calls++}` }),
    };
    expect(valueOf('secret', context)).toBe(null);
    expect(valueOf('nested.secret', context)).toBe(null);
    expect(valueOf('"secret" in nested', context)).toBe(false);
    expect(valueOf('len(nested)', context)).toBe(0);
    expect(calls).toBe(0);
  });

  it('ignores non-enumerable and inherited properties', () => {
    const hidden = Object.defineProperty({ shown: 1 }, 'hidden', { value: 2, enumerable: false });
    expect(valueOf('o.hidden', { o: hidden })).toBe(null);
    expect(valueOf('o.shown', { o: hidden })).toBe(1);
    const context = Object.create({ inherited: 'yes' }) as Record<string, unknown>;
    context.own = 'here';
    expect(valueOf('inherited', context)).toBe(null);
    expect(valueOf('own', context)).toBe('here');
  });

  it('refuses values that are not plain data, naming where they were read', () => {
    expect(errorOf('fn', { fn: () => 1 })).toBe("'fn' holds a function, which expressions cannot read at 0");
    expect(errorOf('a.when', { a: { when: new Date(0) } })).toBe("'when' holds an object that is not plain data, which expressions cannot read at 2");
    expect(errorOf('m', { m: new Map() })).toBe("'m' holds an object that is not plain data, which expressions cannot read at 0");
    expect(errorOf('o.x', { o: Object.create({ x: 1 }) })).toBe("'o' holds an object that is not plain data, which expressions cannot read at 0");
    expect(errorOf('list[0]', { list: [() => 1] })).toBe('Item 0 holds a function, which expressions cannot read at 4');
    expect(errorOf('big', { big: 1n })).toBe("'big' holds a bigint, which expressions cannot read at 0");
    expect(errorOf('len(list) == 1 and list == [1]', { list: [Symbol('s')] })).toBe('A list item holds a symbol, which expressions cannot read at 24');
    expect(valueOf('bare.x', { bare: Object.assign(Object.create(null) as object, { x: 1 }) })).toBe(1);
  });

  it('treats a "__proto__" key from JSON.parse as forbidden data, and pollutes nothing', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as Record<string, unknown>;
    expect(valueOf('p.polluted', { p: parsed })).toBe(null);
    expect(valueOf('p.ok', { p: parsed })).toBe(1);
    expect(errorOf('p["__proto__"]', { p: parsed })).toBe("'__proto__' is not allowed at 2");
    expect(valueOf('"__proto__" in p', { p: parsed })).toBe(false);
  });

  it('deep-compares separate objects by their own data only', () => {
    const context = { x: { a: [1, { b: 2 }] }, y: { a: [1, { b: 2 }] }, z: { a: [1, { b: 3 }] } };
    expect(valueOf('x == y', context)).toBe(true);
    expect(valueOf('x == z', context)).toBe(false);
    expect(valueOf('x in [z, y]', context)).toBe(true);
  });

  it('refuses to compare data nested past 100 levels instead of overflowing the stack', () => {
    const nest = (depth: number): unknown => (depth === 0 ? 1 : [nest(depth - 1)]);
    expect(valueOf('x == y', { x: nest(50), y: nest(50) })).toBe(true);
    expect(errorOf('x == y', { x: nest(5_000), y: nest(5_000) })).toBe('Values nest deeper than 100 levels and cannot be compared at 2');
  });
});

describe('safety: hand-built ASTs are checked too', () => {
  const run = (ast: TExpr, context: Record<string, unknown> = data) => evaluateExpression(ast, context);
  const a: TExpr = { type: 'identifier', name: 'a', position: 0 };

  it('refuses forbidden names and unknown functions', () => {
    expect(run({ type: 'member', object: a, property: '__proto__', position: 2 })).toEqual({ ok: false, error: { message: "'__proto__' is not allowed at 2", position: 2 } });
    expect(run({ type: 'identifier', name: 'constructor', position: 0 })).toMatchObject({ ok: false });
    expect(run({ type: 'call', name: 'exec', args: [], position: 0 })).toEqual({ ok: false, error: { message: "Unknown function 'exec' at 0", position: 0 } });
    expect(run({ type: 'call', name: 'toString', args: [], position: 0 })).toMatchObject({ ok: false });
    expect(run({ type: 'bogus', position: 3 } as unknown as TExpr)).toEqual({ ok: false, error: { message: 'Unknown expression node at 3', position: 3 } });
  });

  it('refuses an AST nested too deeply instead of overflowing the stack', () => {
    let ast: TExpr = { type: 'literal', value: true, position: 0 };
    for (let i = 0; i < 100_000; i++) ast = { type: 'unary', operator: 'not', operand: ast, position: 0 };
    expect(run(ast)).toEqual({ ok: false, error: { message: 'Expression nests too deeply to evaluate at 0', position: 0 } });
  });
});

afterAll(() => {
  // Nothing above may have left a trace on the shared prototypes.
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
