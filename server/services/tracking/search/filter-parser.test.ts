import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors';
import { parseFilter, parseOrderBy, type TComparison } from './filter-parser';

describe('parseFilter', () => {
  it("reads MLflow's filter syntax: every prefix, comparator and literal kind", () => {
    expect(parseFilter(`metrics.acc > 0.9 and params.model = 'rf' AND tags.x != "y" and attributes.status = 'FINISHED'`)).toEqual([
      { entity: 'metric', key: 'acc', comparator: '>', value: 0.9 },
      { entity: 'param', key: 'model', comparator: '=', value: 'rf' },
      { entity: 'tag', key: 'x', comparator: '!=', value: 'y' },
      { entity: 'attribute', key: 'status', comparator: '=', value: 'FINISHED' },
    ]);
    expect(parseFilter("params.`learning rate` LIKE '0.%' and tags.\"a b\" ilike '%X%'")).toEqual([
      { entity: 'param', key: 'learning rate', comparator: 'LIKE', value: '0.%' },
      { entity: 'tag', key: 'a b', comparator: 'ILIKE', value: '%X%' },
    ]);
    expect(parseFilter("attributes.run_id IN ('a', 'b') and run.run_id not in ('c') and metric.loss <= -1.5e-3")).toEqual([
      { entity: 'attribute', key: 'run_id', comparator: 'IN', value: ['a', 'b'] },
      { entity: 'attribute', key: 'run_id', comparator: 'NOT IN', value: ['c'] },
      { entity: 'metric', key: 'loss', comparator: '<=', value: -1.5e-3 },
    ]);
    expect(parseFilter('tags.note IS NULL and params.seed is not null and status = "RUNNING"')).toEqual([
      { entity: 'tag', key: 'note', comparator: 'IS NULL', value: null },
      { entity: 'param', key: 'seed', comparator: 'IS NOT NULL', value: null },
      { entity: 'attribute', key: 'status', comparator: '=', value: 'RUNNING' },
    ]);
    expect(parseFilter("metrics.val/acc.top-1 >= 3 and params.a = 'it''s'")).toEqual([
      { entity: 'metric', key: 'val/acc.top-1', comparator: '>=', value: 3 },
      { entity: 'param', key: 'a', comparator: '=', value: "it's" },
    ]);
    expect(parseFilter('   ')).toEqual([]);
  });

  it('refuses what MLflow refuses, naming the place', () => {
    const cases: [string, RegExp][] = [
      ["metrics.a > 1 or params.b = 'c'", /character 15: .*AND only/],
      ['metrics.a >', /expected a quoted string or a number, found the end/],
      ["foo.a = 'x'", /unknown prefix "foo"/],
      ["params.a = 'x' params.b = 'y'", /expected AND/],
      ["params.a = 'unterminated", /unterminated/],
      ["params.a ~ 'x'", /unexpected character/],
      ["params.a IN 'x'", /expected \( after IN/],
      ['params.a IN (1)', /IN lists hold quoted strings/],
      ['params. = 1', /a key must follow the dot/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseFilter(text), text).toThrow(message);
    }
  });

  // A printer for comparisons; parsing what it prints gives the comparisons back.
  const quote = (text: string, q: string) => `${q}${text.replaceAll(q, q + q)}${q}`;
  const print = (c: TComparison, prefix: string, keyQuote: string) => {
    const ident = `${prefix}.${keyQuote === '' ? c.key : quote(c.key, keyQuote)}`;
    if (c.comparator === 'IS NULL' || c.comparator === 'IS NOT NULL') return `${ident} ${c.comparator}`;
    if (Array.isArray(c.value)) return `${ident} ${c.comparator} (${c.value.map((v) => quote(v, "'")).join(', ')})`;
    return `${ident} ${c.comparator} ${typeof c.value === 'number' ? String(c.value) : quote(String(c.value), "'")}`;
  };
  const PREFIXES = { metric: ['metrics', 'metric'], param: ['params', 'param', 'parameters'], tag: ['tags', 'tag'], attribute: ['attributes', 'attr', 'run'], dataset: ['datasets'] } as const;
  const comparisonArb = fc.oneof(
    fc.record({
      entity: fc.constantFrom('metric' as const),
      key: fc.stringMatching(/^[\w\-/:][\w\-./:]{0,20}$/),
      comparator: fc.constantFrom('=' as const, '!=' as const, '<' as const, '<=' as const, '>' as const, '>=' as const),
      value: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
    }),
    fc.record({
      entity: fc.constantFrom('param' as const, 'tag' as const, 'attribute' as const, 'dataset' as const),
      key: fc.string({ minLength: 1, maxLength: 20 }),
      comparator: fc.constantFrom('=' as const, '!=' as const, 'LIKE' as const, 'ILIKE' as const),
      value: fc.string({ maxLength: 20 }),
    }),
    fc.record({
      entity: fc.constantFrom('param' as const, 'attribute' as const),
      key: fc.string({ minLength: 1, maxLength: 20 }),
      comparator: fc.constantFrom('IN' as const, 'NOT IN' as const),
      value: fc.array(fc.string({ maxLength: 10 }), { minLength: 1, maxLength: 4 }),
    }),
  );

  it('parses back whatever the printer writes (random filters, quoted keys and values)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(comparisonArb, fc.nat(), fc.constantFrom('`', '"')), { maxLength: 6 }), fc.constantFrom(' and ', ' AND ', '  And\n'), (items, joint) => {
        const text = items.map(([c, n, q]) => print(c, PREFIXES[c.entity][n % PREFIXES[c.entity].length]!, q)).join(joint);
        expect(parseFilter(text)).toEqual(items.map(([c]) => c));
      }),
    );
  });

  it('never fails on any input with anything but a search-syntax error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          parseFilter(text);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('BAD_REQUEST');
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseOrderBy', () => {
  it('reads an identifier and a direction (ASC by default)', () => {
    expect(parseOrderBy('metrics.acc DESC')).toEqual({ entity: 'metric', key: 'acc', ascending: false });
    expect(parseOrderBy('attributes.start_time')).toEqual({ entity: 'attribute', key: 'start_time', ascending: true });
    expect(parseOrderBy('params.`a b` asc')).toEqual({ entity: 'param', key: 'a b', ascending: true });
    expect(() => parseOrderBy('metrics.acc DESC extra')).toThrow(/one identifier/);
    expect(() => parseOrderBy("'x'")).toThrow(/expected an identifier/);
  });
});
