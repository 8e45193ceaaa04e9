import { describe, expect, it } from 'vitest';
import { expressionReferences, parseExpression } from './index';

function references(source: string): string[] {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return expressionReferences(parsed.ast);
}

describe('expressionReferences', () => {
  it('lists the dotted paths a condition reads, in source order', () => {
    expect(references('steps.evaluate.metrics.accuracy >= params.min_accuracy and steps.validate.status == "succeeded"')).toEqual([
      'steps.evaluate.metrics.accuracy',
      'params.min_accuracy',
      'steps.validate.status',
    ]);
  });

  it('lists each path once', () => {
    expect(references('a.b > 1 and a.b < 5 or a.c')).toEqual(['a.b', 'a.c']);
  });

  it('reads literal indexes as path segments', () => {
    expect(references('steps["train-model"].metrics["top-5"]')).toEqual(['steps.train-model.metrics.top-5']);
    expect(references('steps.evaluate.outputs.losses[0]')).toEqual(['steps.evaluate.outputs.losses.0']);
  });

  it('keeps the static prefix of a computed index, and the paths inside the index', () => {
    expect(references('steps[params.step].status')).toEqual(['steps', 'params.step']);
    expect(references('a.b[c.d + 1].e[f]')).toEqual(['a.b', 'c.d', 'f']);
    expect(references('a.list[-1]')).toEqual(['a.list']);
    expect(references('a[1.5]')).toEqual(['a']);
  });

  it('finds paths in every kind of node', () => {
    expect(references('not (-a.x in [b, c.d]) or max(e, len(f.g)) != h and !i')).toEqual(['a.x', 'b', 'c.d', 'e', 'f.g', 'h', 'i']);
  });

  it('lists nothing for a constant expression, or for members of something that is not a path', () => {
    expect(references('1 + 2 == 3')).toEqual([]);
    expect(references('[1, 2][0]')).toEqual([]);
    expect(references('lower("X").y')).toEqual([]);
    expect(references('(a or b).c')).toEqual(['a', 'b']);
  });

  it('treats parentheses as grouping only', () => {
    expect(references('(a).b.c')).toEqual(['a.b.c']);
  });

  it('handles the longest member chain', () => {
    expect(references(`r${'.a'.repeat(999)}`)).toEqual([`r${'.a'.repeat(999)}`]);
  });
});
