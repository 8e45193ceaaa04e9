import type { TParameterValue } from '@/workflows/dsl';

/** Parameter values in one line, as a run or a schedule shows them: `epochs=3, model=gbm`. By name: PostgreSQL's jsonb keeps no key order. */
export const parameterValuesText = (values: Readonly<Record<string, TParameterValue>>): string =>
  Object.entries(values)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(', ');
