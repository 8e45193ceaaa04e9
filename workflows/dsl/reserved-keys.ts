import { z } from 'zod';

/**
 * Object keys that a spec may never hold. superjson (the API's answer encoding) refuses to write
 * them, so one stored `constructor` key made every read of its pipeline and runs answer 500.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isReservedKey = (key: string): boolean => RESERVED_KEYS.has(key);

const reservedMessage = (key: string) => `"${key}" is a reserved name`;

/** The path of the first reserved key anywhere inside `value` (walked without recursion), or null. */
export function reservedKeyPath(value: unknown): (string | number)[] | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value !== 'object' || item.value === null) continue;
    for (const [key, child] of Object.entries(item.value)) {
      const path = [...item.path, Array.isArray(item.value) ? Number(key) : key];
      if (!Array.isArray(item.value) && isReservedKey(key)) return path;
      stack.push({ value: child, path });
    }
  }
  return null;
}

/** Refuses a reserved key at any depth of a user-keyed value (a node's config, parameters), naming where. */
export function refuseNestedReservedKeys(value: unknown, ctx: z.RefinementCtx): void {
  const path = reservedKeyPath(value);
  if (path) ctx.addIssue({ code: 'custom', path, message: reservedMessage(String(path.at(-1))) });
}
