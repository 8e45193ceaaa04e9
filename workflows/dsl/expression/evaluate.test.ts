import { describe, expect, it } from 'vitest';
import { evaluateExpression, isTruthy, parseExpression } from './index';
import { errorOf, valueOf } from './test-run';

const context = {
  steps: {
    evaluate: { status: 'succeeded', metrics: { accuracy: 0.93, f1: 0.9, 'top-5': 0.99 }, outputs: { losses: [0.9, 0.5, 0.2] } },
    validate: { status: 'succeeded', metrics: {} },
    'train-model': { status: 'failed', metrics: { accuracy: null } },
  },
  params: { min_accuracy: 0.9, target: 'prod', tags: ['nightly', 'gpu'] },
};

describe('evaluateExpression: the condition it was made for', () => {
  it('picks a branch from metrics, params and statuses', () => {
    const source = 'steps.evaluate.metrics.accuracy >= params.min_accuracy and steps.validate.status == "succeeded"';
    expect(valueOf(source, context)).toBe(true);
    expect(valueOf(source, { ...context, params: { min_accuracy: 0.95 } })).toBe(false);
  });

  it('reads a missing property, or any property of null, as null', () => {
    expect(valueOf('steps.evaluate.metrics.missing', context)).toBe(null);
    expect(valueOf('steps.evaluate.metrics.missing == null', context)).toBe(true);
    expect(valueOf('steps.nope.metrics.accuracy == null', context)).toBe(true);
    expect(valueOf('nothing', context)).toBe(null);
    expect(valueOf('steps["train-model"].metrics.accuracy == null', context)).toBe(true);
  });
});

describe('evaluateExpression: operators', () => {
  it.each([
    ['7 + 2', 9],
    ['7 - 2', 5],
    ['7 * 2', 14],
    ['7 / 2', 3.5],
    ['7 % 2', 1],
    ['-7 % 3', -1],
    ['0.1 + 0.2 > 0.3', true],
    ['-(3)', -3],
    ['--3', 3],
    ['-0', 0],
    ['"ab" + "cd"', 'abcd'],
    ['1 < 2', true],
    ['2 <= 2', true],
    ['3 > 2', true],
    ['2 >= 3', false],
    ['"apple" < "banana"', true],
    ['"b" >= "a"', true],
    ['"B" < "a"', true],
    ['1 == 1', true],
    ['1 == 1.0', true],
    ['1 != 1', false],
    ['1 == "1"', false],
    ['1 != "1"', true],
    ['null == false', false],
    ['0 == false', false],
    ['null == null', true],
    ['"a" == "a"', true],
    ['[1, [2, "x"]] == [1, [2, "x"]]', true],
    ['[1, 2] == [2, 1]', false],
    ['[1, 2] == [1, 2, 3]', false],
    ['[] != []', false],
    ['2 in [1, 2]', true],
    ['[2] in [[1], [2]]', true],
    ['"2" in [1, 2]', false],
    ['3 not in [1, 2]', true],
    ['"ell" in "hello"', true],
    ['"" in "hello"', true],
    ['"x" not in "hello"', true],
    ['not true', false],
    ['not 0', true],
    ['!""', true],
    ['!!"a"', true],
    ['true and 1', true],
    ['1 and 0', false],
    ['0 or ""', false],
    ['0 || "x"', true],
    ['true && false', false],
  ])('%s → %j', (source, expected) => {
    expect(valueOf(source)).toEqual(expected);
  });

  it('compares values read from the context deeply', () => {
    expect(valueOf('params.tags == ["nightly", "gpu"]', context)).toBe(true);
    expect(valueOf('steps.validate.metrics == steps["validate"].metrics', context)).toBe(true);
    expect(valueOf('steps.evaluate == steps.evaluate', context)).toBe(true);
    expect(valueOf('steps.evaluate.metrics == steps.validate.metrics', context)).toBe(false);
    expect(valueOf('"gpu" in params.tags', context)).toBe(true);
    expect(valueOf('"accuracy" in steps.evaluate.metrics', context)).toBe(true);
    expect(valueOf('"recall" in steps.evaluate.metrics', context)).toBe(false);
  });

  it('returns booleans from and/or, not the operand', () => {
    expect(valueOf('"a" or "b"')).toBe(true);
    expect(valueOf('[1] and "b"')).toBe(true);
    expect(valueOf('null or 0')).toBe(false);
  });

  it('short-circuits: the right side of a decided and/or is never evaluated', () => {
    expect(valueOf('false and 1 < "a"')).toBe(false);
    expect(valueOf('true or 1 / 0')).toBe(true);
    expect(valueOf('steps.nope == null or steps.nope.metrics.accuracy > 0.5', context)).toBe(true);
    expect(errorOf('true and 1 < "a"')).toBe('Cannot compare number with string at 11');
    expect(errorOf('false or 1 / 0')).toBe('Division by zero at 11');
  });
});

describe('evaluateExpression: lists and index access', () => {
  it('builds lists from any expressions', () => {
    expect(valueOf('[1, "a", null, [true], params.target]', context)).toEqual([1, 'a', null, [true], 'prod']);
  });

  it('indexes lists by whole numbers, negative from the end, out of range as null', () => {
    expect(valueOf('steps.evaluate.outputs.losses[0]', context)).toBe(0.9);
    expect(valueOf('steps.evaluate.outputs.losses[-1]', context)).toBe(0.2);
    expect(valueOf('steps.evaluate.outputs.losses[1 + 1]', context)).toBe(0.2);
    expect(valueOf('steps.evaluate.outputs.losses[3]', context)).toBe(null);
    expect(valueOf('steps.evaluate.outputs.losses[-4]', context)).toBe(null);
    expect(valueOf('[[1, 2], [3, 4]][1][0]')).toBe(3);
  });

  it('indexes objects by strings, computed or not', () => {
    expect(valueOf('steps["evaluate"]["metrics"]["top-5"]', context)).toBe(0.99);
    expect(valueOf('steps["ev" + "aluate"].status', context)).toBe('succeeded');
    expect(valueOf('steps[params.target]', context)).toBe(null);
    expect(valueOf('nothing[0]["x"]', context)).toBe(null);
  });

  it('refuses indexes of the wrong type', () => {
    expect(errorOf('[1, 2][1.5]')).toBe('A list index must be a whole number, not 1.5 at 6');
    expect(errorOf('[1, 2]["0"]')).toBe('A list index must be a whole number, not a string at 6');
    expect(errorOf('steps[0]', context)).toBe('An object key must be a string, not number at 5');
    expect(errorOf('"abc"[0]')).toBe('Cannot index into a string at 5');
    expect(errorOf('params.min_accuracy[0]', context)).toBe('Cannot index into a number at 19');
  });
});

describe('evaluateExpression: functions', () => {
  it.each([
    ['len("héllo")', 5],
    ['len([1, 2, 3])', 3],
    ['len(steps.evaluate.metrics)', 3],
    ['len([])', 0],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['min([4, -1])', -1],
    ['max(steps.evaluate.outputs.losses)', 0.9],
    ['max("pear", "apple")', 'pear'],
    ['min(7)', 7],
    ['abs(-2.5)', 2.5],
    ['abs(3)', 3],
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(2.4)', 2],
    ['round(0.12345, 2)', 0.12],
    ['round(0.125, 2)', 0.13],
    ['round(1.005, 2)', 1], // 1.005 is 1.00499999999999989… in binary, as Python agrees
    ['round(-0.4)', 0],
    ['round(1234.5678, 0)', 1235],
    ['lower("MiXeD")', 'mixed'],
    ['upper("MiXeD")', 'MIXED'],
    ['contains([1, 2], 2)', true],
    ['contains("hello", "lo")', true],
    ['contains(params.tags, "cpu")', false],
    ['contains(steps.evaluate.metrics, "f1")', true],
  ])('%s → %j', (source, expected) => {
    expect(valueOf(source, context)).toEqual(expected);
  });

  it('refuses arguments of the wrong type, naming the function', () => {
    expect(errorOf('len(5)')).toBe('len() needs a string, list or object, not number at 0');
    expect(errorOf('len(null)')).toBe('len() needs a string, list or object, not null at 0');
    expect(errorOf('abs("1")')).toBe('abs() needs a number, not string at 0');
    expect(errorOf('x + round("1")')).toBe('round() needs a number, not string at 4');
    expect(errorOf('round(1.5, 1.5)')).toBe('round() takes a whole number of digits from 0 to 15, not 1.5 at 0');
    expect(errorOf('round(1.5, -1)')).toBe('round() takes a whole number of digits from 0 to 15, not -1 at 0');
    expect(errorOf('lower(1)')).toBe('lower() needs a string, not number at 0');
    expect(errorOf('upper([])')).toBe('upper() needs a string, not list at 0');
    expect(errorOf('min([])')).toBe('min() of an empty list at 0');
    expect(errorOf('max(1, "a")')).toBe('max() cannot compare number with string at 0');
    expect(errorOf('min(null, 1)')).toBe('min() needs numbers or strings, not null at 0');
    expect(errorOf('contains(1, 1)')).toBe("'in' needs a list, string or object to look in, not number at 0");
    expect(errorOf('contains("abc", 1)')).toBe('Cannot look for a number in a string; look for a string at 0');
  });
});

describe('evaluateExpression: type errors say what and where', () => {
  it.each([
    ['steps.evaluate.metrics.accuracy >= "0.9"', 'Cannot compare number with string at 32'],
    ['params.target < 3', 'Cannot compare string with number at 14'],
    ['steps.nope.metrics.accuracy > 0.5', 'Cannot compare null with number at 28'],
    ['[1] < [2]', 'Cannot compare list with list at 4'],
    ['true > false', 'Cannot compare boolean with boolean at 5'],
    ['1 + "a"', "Cannot apply '+' to number and string (only two strings can be joined) at 2"],
    ['"a" - "b"', "Cannot apply '-' to string and string at 4"],
    ['null * 2', "Cannot apply '*' to null and number at 5"],
    ['[1] + [2]', "Cannot apply '+' to list and list at 4"],
    ['true + 1', "Cannot apply '+' to boolean and number at 5"],
    ['-"a"', 'Cannot negate a string at 0'],
    ['1 / 0', 'Division by zero at 2'],
    ['1 % 0', 'Division by zero at 2'],
    ['1e308 * 10', "The result of '*' is not a finite number at 6"],
    ['1 in 5', "'in' needs a list, string or object to look in, not number at 2"],
    ['"a" in nothing', "'in' needs a list, string or object to look in, not null at 4"],
    ['1 in "abc"', 'Cannot look for a number in a string; look for a string at 2'],
    ['1 in steps', 'Cannot look for a number in an object; look for a string at 2'],
    ['params.target.length', "Cannot read property 'length' of a string at 14"],
    ['params.tags.length', "Cannot read property 'length' of a list at 12"],
    ['params.min_accuracy.x', "Cannot read property 'x' of a number at 20"],
  ])('%s', (source, message) => {
    expect(errorOf(source, context)).toBe(message);
  });
});

describe('evaluateExpression: values', () => {
  it('returns the context’s own objects and lists as they are', () => {
    expect(valueOf('steps.evaluate.metrics', context)).toBe(context.steps.evaluate.metrics);
  });

  it('is deterministic and leaves the context unchanged', () => {
    const before = JSON.stringify(context);
    const parsed = parseExpression('len(params.tags) + max(steps.evaluate.outputs.losses) > 1 and "gpu" in params.tags');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const results = Array.from({ length: 3 }, () => evaluateExpression(parsed.ast, context));
    expect(results).toEqual([results[0], results[0], results[0]]);
    expect(JSON.stringify(context)).toBe(before);
  });
});

describe('isTruthy', () => {
  it('is false for null, false, 0, "", [] and {} and true otherwise', () => {
    for (const value of [null, undefined, false, 0, -0, Number.NaN, '', [], {}]) expect(isTruthy(value)).toBe(false);
    for (const value of [true, 1, -1, 0.1, 'a', ' ', 'false', [0], [null], { a: null }]) expect(isTruthy(value)).toBe(true);
  });
});

describe('range()', () => {
  const run = (source: string) => {
    const parsed = parseExpression(source);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return evaluateExpression(parsed.ast, {});
  };
  it('counts up to its stop, or from a start, like Python', () => {
    expect(run('range(3)')).toEqual({ ok: true, value: [0, 1, 2] });
    expect(run('range(2, 5)')).toEqual({ ok: true, value: [2, 3, 4] });
    expect(run('range(5, 2)')).toEqual({ ok: true, value: [] });
    expect(run('len(range(1000))')).toEqual({ ok: true, value: 1000 });
  });
  it('refuses fractions, other types and lists longer than a for-each takes', () => {
    expect(run('range(1.5)')).toMatchObject({ ok: false, error: { message: expect.stringContaining('whole numbers') } });
    expect(run('range("3")')).toMatchObject({ ok: false, error: { message: expect.stringContaining('needs a number') } });
    expect(run('range(10001)')).toMatchObject({ ok: false, error: { message: expect.stringContaining('at most 10000') } });
  });
});
