import { z } from 'zod';
import { refuseNestedReservedKeys } from './reserved-keys';

export const ZParameterValueSchema = z.union([z.string().max(10_000), z.number().finite(), z.boolean()]);
export type TParameterValue = z.infer<typeof ZParameterValueSchema>;

const ZParameterNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'A parameter name is letters, digits and "_", not starting with a digit').max(64);
const MAX_PARAMETERS = 100;
const atMost = (record: Record<string, unknown>) => Object.keys(record).length <= MAX_PARAMETERS;

/** Parameter values by name: what a run (or a schedule's runs) is started with. */
export const ZParametersSchema = z
  .record(ZParameterNameSchema, ZParameterValueSchema)
  .superRefine(refuseNestedReservedKeys)
  .refine(atMost, `At most ${MAX_PARAMETERS} parameters`);

const ZDescriptionSchema = z.string().max(500).default('');

/** A typed pipeline parameter: its type, the default a run gets when given none, and what it is for. A `choice` is a string from a closed list. */
export const ZParameterDefinitionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('string'), default: z.string().max(10_000), description: ZDescriptionSchema }),
  z.object({ type: z.literal('number'), default: z.number().finite(), description: ZDescriptionSchema }),
  z.object({ type: z.literal('boolean'), default: z.boolean(), description: ZDescriptionSchema }),
  z
    .object({ type: z.literal('choice'), default: z.string().max(200), choices: z.array(z.string().min(1).max(200)).min(1).max(100), description: ZDescriptionSchema })
    .refine((p) => p.choices.includes(p.default), { message: 'The default must be one of the choices', path: ['default'] }),
]);

export type TParameterDefinition = z.infer<typeof ZParameterDefinitionSchema>;
export type TParameterType = TParameterDefinition['type'];
export const PARAMETER_TYPES: readonly TParameterType[] = ['string', 'number', 'boolean', 'choice'];

/**
 * The parameters a spec declares, by name: a definition, or a bare default (specs saved before
 * parameters were typed, which stay valid: the default's own type is the parameter's).
 */
export const ZSpecParametersSchema = z
  .record(ZParameterNameSchema, z.union([ZParameterValueSchema, ZParameterDefinitionSchema]))
  .superRefine(refuseNestedReservedKeys)
  .refine(atMost, `At most ${MAX_PARAMETERS} parameters`);

export type TSpecParameters = z.infer<typeof ZSpecParametersSchema>;
export type TSpecParameter = TSpecParameters[string];

export function parameterDefinition(parameter: TSpecParameter): TParameterDefinition {
  switch (typeof parameter) {
    case 'object':
      return parameter;
    case 'string':
      return { type: 'string', default: parameter, description: '' };
    case 'number':
      return { type: 'number', default: parameter, description: '' };
    default:
      return { type: 'boolean', default: parameter, description: '' };
  }
}

export const parameterDefinitions = (parameters: Readonly<TSpecParameters>): Record<string, TParameterDefinition> =>
  Object.fromEntries(Object.entries(parameters).map(([name, p]) => [name, parameterDefinition(p)]));

export const parameterDefaults = (parameters: Readonly<TSpecParameters>): Record<string, TParameterValue> =>
  Object.fromEntries(Object.entries(parameters).map(([name, p]) => [name, parameterDefinition(p).default]));

/** Why a value does not fit its parameter, or null: one sentence that names the parameter. */
export function parameterValueProblem(name: string, definition: TParameterDefinition, value: TParameterValue): string | null {
  const type = definition.type === 'choice' ? 'string' : definition.type;
  if (typeof value !== type) return `Parameter "${name}" must be ${type === 'boolean' ? 'true or false' : `a ${type}`}`;
  if (definition.type === 'choice' && !definition.choices.includes(String(value))) return `Parameter "${name}" must be one of: ${definition.choices.join(', ')}`;
  return null;
}

export type TParameterProblem = { name: string; message: string };

/**
 * The values a run gets: the defaults, overridden by `given`. Every value that does not fit (an
 * unknown name, a wrong type, a choice not offered) is a problem that names its parameter.
 */
export function resolveParameterValues(
  definitions: Readonly<Record<string, TParameterDefinition>>,
  given: Readonly<Record<string, TParameterValue>>,
): { ok: true; values: Record<string, TParameterValue> } | { ok: false; problems: TParameterProblem[] } {
  const problems = Object.entries(given).flatMap(([name, value]) => {
    const definition = Object.hasOwn(definitions, name) ? definitions[name] : undefined;
    const message = definition ? parameterValueProblem(name, definition, value) : `Unknown parameter "${name}"`;
    return message ? [{ name, message }] : [];
  });
  if (problems.length > 0) return { ok: false, problems };
  const defaults = Object.fromEntries(Object.entries(definitions).map(([name, d]) => [name, d.default]));
  return { ok: true, values: { ...defaults, ...given } };
}
