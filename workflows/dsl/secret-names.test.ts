import { describe, expect, it } from 'vitest';
import { compileSpec } from './compile';
import { canonicalJson } from './canonical-json';
import { planSecretNames, ZSecretNameSchema } from './secret-names';
import { pythonNode, shellNode, spec } from './test-specs';
import { validateSpec } from './validate';

describe('secret names', () => {
  it('are environment variable names that the step environment does not use', () => {
    for (const name of ['API_TOKEN', '_X', 'A1']) expect(ZSecretNameSchema.safeParse(name).success).toBe(true);
    for (const name of ['api_token', '1TOKEN', 'A-B', '', 'X'.repeat(65), 'PATH', 'HOME', 'WEFT_INPUT', 'LD_PRELOAD', 'CUDA_VISIBLE_DEVICES']) {
      expect(ZSecretNameSchema.safeParse(name).success, name).toBe(false);
    }
  });

  it('reach the plan step of the node that lists them, and only that one', () => {
    const result = compileSpec(spec([shellNode('a', { secrets: ['API_TOKEN', 'DB_PASSWORD'] }), pythonNode('b')]));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan.steps.find((s) => s.nodeId === 'a')?.secrets).toEqual(['API_TOKEN', 'DB_PASSWORD']);
    expect(result.plan.steps.find((s) => s.nodeId === 'b')).not.toHaveProperty('secrets');
    expect(planSecretNames(result.plan)).toEqual(['API_TOKEN', 'DB_PASSWORD']);
  });

  it('make a step uncached: its outputs may depend on values no cache key sees', () => {
    const result = compileSpec(spec([shellNode('a', { secrets: ['API_TOKEN'] }), shellNode('b')]));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan.steps.map((s) => [s.nodeId, s.cache])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('leave the plan of a node without secrets as it was (same hash input)', () => {
    const without = compileSpec(spec([shellNode('a')]));
    const empty = compileSpec(spec([shellNode('a', { secrets: [] })]));
    if (!without.ok || !empty.ok) throw new Error('expected plans');
    expect(canonicalJson(empty.plan)).toBe(canonicalJson(without.plan));
  });

  it('are problems on the node when malformed or listed twice', () => {
    const problems = (input: unknown) => {
      const v = validateSpec(input);
      return v.ok ? [] : v.problems;
    };
    expect(problems(spec([shellNode('a', { secrets: ['bad-name'] })]))).toEqual([expect.objectContaining({ nodeId: 'a', field: 'secrets.0' })]);
    expect(problems(spec([shellNode('a', { secrets: ['X_1', 'X_1'] })]))).toEqual([expect.objectContaining({ nodeId: 'a', message: expect.stringContaining('listed twice') })]);
  });
});
