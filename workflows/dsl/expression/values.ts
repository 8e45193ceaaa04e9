import { isForbiddenName } from './ast';
import { fail } from './error';

/**
 * The values an expression handles: JSON's. Anything else met in the context (a function, a class
 * instance, a bigint) is refused when read, so operators and functions only ever see these.
 */
export type TValue = null | boolean | number | string | TValue[] | { [key: string]: TValue };
export type TValueType = 'null' | 'boolean' | 'number' | 'string' | 'list' | 'object';

export function typeName(value: TValue): TValueType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value as 'boolean' | 'number' | 'string' | 'object';
}

/** `a number`, `an object`: for messages. */
export const aType = (value: TValue) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? 'an object' : `a ${typeName(value)}`);

/** Python-like: null, false, 0, '' and empty lists and objects are false; everything else is true. */
export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

const isPlainObject = (value: object) => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** A raw value from the context, checked. `what` names it in the message (`'steps.x.fn' holds a function`). */
export function toValue(raw: unknown, what: string, position: number): TValue {
  if (raw === undefined || raw === null) return null;
  switch (typeof raw) {
    case 'boolean':
    case 'number':
    case 'string':
      return raw;
    case 'object':
      if (Array.isArray(raw) || isPlainObject(raw)) return raw as TValue;
      return fail(`${what} holds an object that is not plain data, which expressions cannot read`, position);
    default:
      return fail(`${what} holds a ${typeof raw}, which expressions cannot read`, position);
  }
}

/**
 * An own, enumerable data property of an object, or undefined. Reads the property descriptor, so
 * no getter runs and nothing on the prototype chain is ever reached.
 */
export function ownProperty(container: object, key: string): unknown {
  return hasOwnData(container, key) ? Object.getOwnPropertyDescriptor(container, key)!.value : undefined;
}

export function hasOwnData(container: object, key: string): boolean {
  if (isForbiddenName(key)) return false;
  const descriptor = Object.getOwnPropertyDescriptor(container, key);
  return descriptor !== undefined && descriptor.enumerable === true && 'value' in descriptor;
}

const MAX_COMPARE_DEPTH = 100;

/** Strict equality, deep for lists and objects (own enumerable keys). */
export function deepEqual(a: TValue, b: TValue, position: number, depth = 0): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (depth >= MAX_COMPARE_DEPTH) fail(`Values nest deeper than ${MAX_COMPARE_DEPTH} levels and cannot be compared`, position);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(toValue(item, 'A list item', position), toValue(b[i], 'A list item', position), position, depth + 1));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) =>
      hasOwnData(b, key) &&
      deepEqual(toValue(ownProperty(a, key), 'An object value', position), toValue(ownProperty(b, key), 'An object value', position), position, depth + 1),
  );
}

/** `needle in haystack`: an item of a list, a substring of a string, or a key of an object. */
export function contains(haystack: TValue, needle: TValue, position: number): boolean {
  if (Array.isArray(haystack)) return haystack.some((item) => deepEqual(toValue(item, 'A list item', position), needle, position));
  if (typeof haystack === 'string' || (haystack !== null && typeof haystack === 'object')) {
    if (typeof needle !== 'string') fail(`Cannot look for ${aType(needle)} in ${aType(haystack)}; look for a string`, position);
    return typeof haystack === 'string' ? haystack.includes(needle) : hasOwnData(haystack, needle);
  }
  return fail(`'in' needs a list, string or object to look in, not ${typeName(haystack)}`, position);
}
