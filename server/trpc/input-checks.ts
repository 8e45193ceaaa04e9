import { isReservedKey } from '../../workflows/dsl/reserved-keys';
import { textProblem } from '../text/well-formed';

/** Deeper than any spec needs (a config nests a few levels); bounds every walk over an input. */
export const MAX_INPUT_DEPTH = 64;

type TPath = (string | number)[];

const at = (path: TPath) => (path.length ? path.join('.') : 'input');

/**
 * What makes a parsed JSON input unfit to reach a procedure, as "<field>: <why>", or null. Inputs
 * are plain JSON: a superjson envelope is refused (its references could expand a few KB into a
 * stored draft of many MB, or into a cycle). Walked without recursion, so no depth overflows it.
 */
export function inputProblem(input: unknown): string | null {
  if (isSuperjsonEnvelope(input)) return 'input: send plain JSON; superjson-encoded inputs (and their references) are not accepted';
  const stack: { value: unknown; path: TPath }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return `${at(path)}: ${problem}`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_INPUT_DEPTH) return `${at(path)}: nested deeper than ${MAX_INPUT_DEPTH} levels`;
    const isArray = Array.isArray(value);
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, isArray ? Number(key) : key];
      if (!isArray) {
        const problem = isReservedKey(key) ? `"${key}" is a reserved name` : textProblem(key);
        if (problem) return `${at(childPath)}: ${problem}`;
      }
      stack.push({ value: child, path: childPath });
    }
  }
  return null;
}

function isSuperjsonEnvelope(input: unknown): boolean {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const keys = Object.keys(input);
  return keys.includes('json') && keys.every((key) => key === 'json' || key === 'meta');
}
