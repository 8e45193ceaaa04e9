import { z } from 'zod';

/** The controls the property panel has for a config field (components/canvas/config-widgets.tsx). */
export type TConfigWidget = 'code-python' | 'code-shell' | 'text' | 'textarea' | 'expression' | 'number' | 'select' | 'checkbox' | 'foreach-body' | 'pipeline' | 'pipeline-version';

/**
 * How the property panel shows one config field, registered on the field's schema
 * (executor-configs.ts): the form comes from the same schema that validates the config.
 */
export type TConfigFieldMeta = {
  label: string;
  /** shown under the field; `text in backticks` is shown as code */
  hint?: string;
  widget: TConfigWidget;
  /** text areas and expressions: lines shown (an expression without it is one line) */
  rows?: number;
  /** numbers: what the arrows add */
  step?: number;
};

export const CONFIG_FIELDS = z.registry<TConfigFieldMeta>();

/**
 * One field of a kind's config form; `min`, `maxLength`, a select's `options` and `defaultValue`
 * (what an absent value means: the form shows it) are the schema's own.
 */
export type TConfigField = TConfigFieldMeta & { key: string; min?: number; maxLength?: number; options?: string[]; defaultValue?: unknown };

/** The config form of a kind: its schema's fields in order, each as registered. */
export function configForm(schema: z.ZodObject): TConfigField[] {
  return Object.entries(schema.shape).flatMap(([key, field]) => {
    const meta = CONFIG_FIELDS.get(field);
    return meta ? [{ key, ...meta, ...bounds(field), ...defaultOf(field) }] : [];
  });
}

function bounds(field: z.core.$ZodType): Pick<TConfigField, 'min' | 'maxLength' | 'options'> {
  const inner = field instanceof z.ZodDefault || field instanceof z.ZodOptional ? field.unwrap() : field;
  // (`.int()` alone gives the smallest safe integer: no bound worth showing)
  if (inner instanceof z.ZodNumber && inner.minValue !== null && inner.minValue > Number.MIN_SAFE_INTEGER) return { min: inner.minValue };
  if (inner instanceof z.ZodString && inner.maxLength !== null) return { maxLength: inner.maxLength };
  if (inner instanceof z.ZodEnum) return { options: inner.options.map(String) };
  return {};
}

/** The value compile gives an absent field (a transformed field's, before its transform). */
function defaultOf(field: z.core.$ZodType): Pick<TConfigField, 'defaultValue'> {
  const input = field instanceof z.ZodPipe ? field.in : field;
  return input instanceof z.ZodDefault ? { defaultValue: input.def.defaultValue } : {};
}
