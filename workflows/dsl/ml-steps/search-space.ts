import { z } from 'zod';
import { parseTagLines } from '../model-steps';

/**
 * A Sweep's search space and the candidates drawn from it. Pure and seeded: the candidates are
 * generated at compile time, so the plan (and its hash) says exactly what a sweep will train, and
 * the same config always gives the same candidates.
 *
 * One `name=…` line per hyperparameter: a comma-separated list of values (grid or random), or a
 * range for random search: `uniform(a, b)`, `loguniform(a, b)` (for rates and regularisation
 * strengths, spread over orders of magnitude), `randint(a, b)` (both ends included).
 */
const ZValueSchema = z.union([z.number(), z.boolean(), z.string(), z.null()]);
export const ZSearchDimensionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('values'), values: z.array(ZValueSchema).min(1) }),
  z.object({ kind: z.enum(['uniform', 'loguniform', 'randint']), low: z.number(), high: z.number() }),
]);
export type TSearchValue = z.infer<typeof ZValueSchema>;
export type TSearchDimension = z.infer<typeof ZSearchDimensionSchema>;
export type TSearchSpace = Record<string, TSearchDimension>;
export type TCandidate = Record<string, TSearchValue>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RANGE = /^(uniform|loguniform|randint)\s*\(\s*([^,()]+?)\s*,\s*([^,()]+?)\s*\)$/;

/** A listed value as Train reads a hyperparameter: a number, true/false, None, else text. */
function value(text: string): TSearchValue {
  if (Number.isFinite(Number(text))) return Number(text);
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (/^none$/i.test(text)) return null;
  return text;
}

function dimension(name: string, text: string): TSearchDimension | string {
  const range = RANGE.exec(text.trim());
  if (range) {
    const kind = range[1] as 'uniform' | 'loguniform' | 'randint';
    const [low, high] = [Number(range[2]), Number(range[3])];
    if (!Number.isFinite(low) || !Number.isFinite(high)) return `${name}: ${kind}(…) takes two numbers`;
    if (low >= high) return `${name}: ${kind}(${low}, ${high}) needs the low end below the high end`;
    if (kind === 'loguniform' && low <= 0) return `${name}: loguniform(…) needs a low end above 0`;
    if (kind === 'randint' && !(Number.isInteger(low) && Number.isInteger(high))) return `${name}: randint(…) takes two integers`;
    return { kind, low, high };
  }
  const values = text.split(',').map((v) => v.trim());
  if (values.some((v) => v === '')) return `${name}: an empty value in the list (values are comma-separated)`;
  return { kind: 'values', values: values.map(value) };
}

export function parseSearchSpace(text: string): { ok: true; space: TSearchSpace } | { ok: false; error: string } {
  const parsed = parseTagLines(text);
  if (!parsed.ok) return parsed;
  if (parsed.tags.length === 0) return { ok: false, error: 'The search space is empty: add one `name=values` line per hyperparameter, e.g. `C=0.1, 1, 10`' };
  const space: TSearchSpace = {};
  for (const { key, value: text } of parsed.tags) {
    if (!NAME.test(key)) return { ok: false, error: `"${key}" is not a hyperparameter name` };
    const parsedDimension = dimension(key, text);
    if (typeof parsedDimension === 'string') return { ok: false, error: parsedDimension };
    space[key] = parsedDimension;
  }
  return { ok: true, space };
}

/** Grid search: the Cartesian product of the listed values, in the order the lines list them. */
export function gridCandidates(space: TSearchSpace, cap: number): { ok: true; candidates: TCandidate[] } | { ok: false; error: string } {
  const dims = Object.entries(space);
  const ranged = dims.find(([, d]) => d.kind !== 'values');
  if (ranged) return { ok: false, error: `${ranged[0]}: a range is for random search; a grid lists its values (e.g. \`${ranged[0]}=0.1, 1, 10\`)` };
  const lists = dims.map(([name, d]) => [name, (d as Extract<TSearchDimension, { kind: 'values' }>).values] as const);
  const size = lists.reduce((n, [, values]) => n * values.length, 1);
  if (size > cap) return { ok: false, error: `The grid has ${size} candidates, more than the cap of ${cap}: list fewer values, raise the cap, or use random search` };
  let candidates: TCandidate[] = [{}];
  for (const [name, values] of lists) candidates = candidates.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
  return { ok: true, candidates };
}

/**
 * Random search: `trials` draws, seeded (mulberry32), without repeats; fewer when the space has
 * fewer distinct candidates than that. Drawn values are rounded to 6 significant digits, so that
 * what the plan, the log and the tracking store show is what was trained.
 */
export function randomCandidates(space: TSearchSpace, trials: number, seed: number): TCandidate[] {
  const random = mulberry32(seed);
  const dims = Object.entries(space);
  const seen = new Set<string>();
  const candidates: TCandidate[] = [];
  // repeats are redrawn, within a bound: a small discrete space runs out of new candidates
  for (let draw = 0; candidates.length < trials && draw < trials * 50; draw++) {
    const candidate = Object.fromEntries(dims.map(([name, d]) => [name, sample(d, random)]));
    const key = JSON.stringify(candidate);
    if (seen.has(key)) continue;
    seen.add(key);
    candidates.push(candidate);
  }
  return candidates;
}

function sample(d: TSearchDimension, random: () => number): TSearchValue {
  const u = random();
  switch (d.kind) {
    case 'values':
      return d.values[Math.floor(u * d.values.length)]!;
    case 'randint':
      return d.low + Math.floor(u * (d.high - d.low + 1));
    case 'uniform':
      return Number((d.low + u * (d.high - d.low)).toPrecision(6));
    case 'loguniform':
      return Number(Math.exp(Math.log(d.low) + u * (Math.log(d.high) - Math.log(d.low))).toPrecision(6));
  }
}

/** A small seeded generator: the same seed draws the same numbers in the browser, server and tests. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
