import { z } from 'zod';
import type { TPlan } from './plan';

/**
 * Project secrets reach a step as environment variables named after them, so a name is one: a
 * step's node lists the names it gets (`node.secrets`), the plan carries the names, never values.
 */
export const SECRET_NAME_PATTERN = /^[A-Z_][A-Z0-9_]{0,63}$/;

/**
 * Names a secret may not take: the variables Weft sets for every step (a secret would replace
 * them), and the loader's, which would also act on the sandbox launcher itself.
 */
const RESERVED_NAMES: ReadonlySet<string> = new Set(['PATH', 'HOME', 'LANG', 'PYTHONPATH', 'PYTHONUNBUFFERED', 'PYTHONDONTWRITEBYTECODE', 'CUDA_VISIBLE_DEVICES']);
const RESERVED_PREFIXES = ['WEFT_', 'LD_'];

export const isReservedSecretName = (name: string) => RESERVED_NAMES.has(name) || RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix));

export const ZSecretNameSchema = z
  .string()
  .regex(SECRET_NAME_PATTERN, 'A secret name is an environment variable name: 1-64 upper-case letters, digits and "_", not starting with a digit')
  .refine((name) => !isReservedSecretName(name), { message: 'This name is taken by the step environment (PATH, HOME, LANG, PYTHON…, CUDA_VISIBLE_DEVICES, WEFT_…, LD_…)' });

/** A node's secrets: each name once. */
export const ZNodeSecretsSchema = z
  .array(ZSecretNameSchema)
  .max(32, 'A node gets at most 32 secrets')
  .refine((names) => new Set(names).size === names.length, { message: 'A secret is listed twice' });

/** Every secret name a plan's steps get, those of its embedded sub-pipeline plans included. */
export function planSecretNames(plan: TPlan): string[] {
  const names = new Set<string>();
  const visit = (p: TPlan) => {
    for (const step of p.steps) {
      for (const name of step.secrets ?? []) names.add(name);
      if (step.executor === 'subpipeline') visit(step.config.plan);
    }
  };
  visit(plan);
  return [...names].sort();
}
