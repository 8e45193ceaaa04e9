import { parameterValueProblem, type TParameterDefinition, type TParameterValue } from '@/workflows/dsl';

/** What the Run dialog's fields hold: text for strings, numbers and choices (a number is parsed on submit), a flag for booleans. */
export type TRawValues = Record<string, string | boolean>;

const rawOf = (value: TParameterValue): string | boolean => (typeof value === 'boolean' ? value : String(value));

/** The dialog's first values: the last ones run with (`remembered`) where they still fit, else the defaults. */
export function initialRawValues(definitions: Readonly<Record<string, TParameterDefinition>>, remembered: unknown): TRawValues {
  const last = typeof remembered === 'object' && remembered !== null ? (remembered as Record<string, unknown>) : {};
  return Object.fromEntries(
    Object.entries(definitions).map(([name, definition]) => {
      const value = Object.hasOwn(last, name) ? last[name] : undefined;
      const fits = (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && parameterValueProblem(name, definition, value) === null;
      return [name, rawOf(fits ? value : definition.default)];
    }),
  );
}

/** The typed values of the dialog's fields, and a problem per field that does not parse or fit. */
export function parseRawValues(definitions: Readonly<Record<string, TParameterDefinition>>, raw: TRawValues): { values: Record<string, TParameterValue>; problems: Record<string, string> } {
  const values: Record<string, TParameterValue> = {};
  const problems: Record<string, string> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    const field = raw[name] ?? rawOf(definition.default);
    const value = definition.type === 'number' && typeof field === 'string' ? (field.trim() === '' ? Number.NaN : Number(field)) : field;
    const problem = typeof value === 'number' && !Number.isFinite(value) ? `Parameter "${name}" must be a number` : parameterValueProblem(name, definition, value);
    if (problem) problems[name] = problem;
    else values[name] = value;
  }
  return { values, problems };
}
