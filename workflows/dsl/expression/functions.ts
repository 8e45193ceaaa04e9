import { fail } from './error';
import { contains, hasOwnData, toValue, typeName, type TValue } from './values';

type TFunction = { minArgs: number; maxArgs: number; apply: (args: TValue[], position: number) => TValue };

const MAX_ROUND_DIGITS = 15;
/** range() builds for-each item lists; bounded like a for-each's items. */
export const MAX_RANGE_LENGTH = 10_000;

function needArg<T extends TValue>(name: string, value: TValue, type: 'number' | 'string', position: number): T {
  if (typeName(value) !== type) fail(`${name}() needs a ${type}, not ${typeName(value)}`, position);
  return value as T;
}

/** min/max over their arguments, or over the items of a single list argument: all numbers or all strings. */
function extreme(name: 'min' | 'max', args: TValue[], position: number): TValue {
  const [first] = args;
  const items = args.length === 1 && Array.isArray(first) ? first.map((item) => toValue(item, 'A list item', position)) : args;
  if (items.length === 0) fail(`${name}() of an empty list`, position);
  const type = typeName(items[0]!);
  if (type !== 'number' && type !== 'string') fail(`${name}() needs numbers or strings, not ${type}`, position);
  let best = items[0]! as number | string;
  for (const item of items) {
    if (typeName(item) !== type) fail(`${name}() cannot compare ${type} with ${typeName(item)}`, position);
    if (name === 'min' ? item! < best : item! > best) best = item as number | string;
  }
  return best;
}

/** Round half away from zero (toFixed rounds the exact binary value, so 1.005 → 1 like Python). */
function round(args: TValue[], position: number): number {
  const value = needArg<number>('round', args[0]!, 'number', position);
  const digits = args.length > 1 ? needArg<number>('round', args[1]!, 'number', position) : 0;
  if (!Number.isInteger(digits) || digits < 0 || digits > MAX_ROUND_DIGITS) {
    fail(`round() takes a whole number of digits from 0 to ${MAX_ROUND_DIGITS}, not ${digits}`, position);
  }
  return Math.sign(value) * Number(Math.abs(value).toFixed(digits)) + 0; // + 0 turns -0 into 0
}

/** range(stop) or range(start, stop): whole numbers from start (0) up to stop, excluded, like Python. */
function range(args: TValue[], position: number): number[] {
  const bounds = args.map((arg) => needArg<number>('range', arg, 'number', position));
  if (!bounds.every(Number.isInteger)) fail('range() takes whole numbers', position);
  const [start, stop] = bounds.length === 1 ? [0, bounds[0]!] : [bounds[0]!, bounds[1]!];
  const length = Math.max(0, stop - start);
  if (length > MAX_RANGE_LENGTH) fail(`range() gives at most ${MAX_RANGE_LENGTH} numbers, not ${length}`, position);
  return Array.from({ length }, (_, i) => start + i);
}

/** The whitelist: the only functions an expression can call. Read with `Object.hasOwn` (see functionNamed). */
const FUNCTIONS: Readonly<Record<string, TFunction>> = Object.freeze({
  len: {
    minArgs: 1,
    maxArgs: 1,
    apply: ([value], position) => {
      if (typeof value === 'string' || Array.isArray(value)) return value.length;
      if (value !== null && typeof value === 'object') return Object.keys(value).filter((key) => hasOwnData(value, key)).length;
      return fail(`len() needs a string, list or object, not ${typeName(value!)}`, position);
    },
  },
  min: { minArgs: 1, maxArgs: Infinity, apply: (args, position) => extreme('min', args, position) },
  max: { minArgs: 1, maxArgs: Infinity, apply: (args, position) => extreme('max', args, position) },
  abs: { minArgs: 1, maxArgs: 1, apply: ([value], position) => Math.abs(needArg<number>('abs', value!, 'number', position)) },
  round: { minArgs: 1, maxArgs: 2, apply: round },
  lower: { minArgs: 1, maxArgs: 1, apply: ([value], position) => needArg<string>('lower', value!, 'string', position).toLowerCase() },
  upper: { minArgs: 1, maxArgs: 1, apply: ([value], position) => needArg<string>('upper', value!, 'string', position).toUpperCase() },
  contains: { minArgs: 2, maxArgs: 2, apply: ([haystack, needle], position) => contains(haystack!, needle!, position) },
  range: { minArgs: 1, maxArgs: 2, apply: range },
});

export const EXPRESSION_FUNCTION_NAMES: readonly string[] = Object.keys(FUNCTIONS);

export function functionNamed(name: string): TFunction | undefined {
  return Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}

/** `len() takes 1 argument, got 2`, or undefined when the count fits. */
export function arityProblem(name: string, count: number): string | undefined {
  const fn = functionNamed(name);
  if (!fn || (count >= fn.minArgs && count <= fn.maxArgs)) return undefined;
  const plural = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
  const takes =
    fn.maxArgs === Infinity ? `at least ${plural(fn.minArgs)}` : fn.minArgs === fn.maxArgs ? plural(fn.minArgs) : `${fn.minArgs} or ${plural(fn.maxArgs)}`;
  return `${name}() takes ${takes}, got ${count}`;
}
