import { z } from 'zod';
import { CONFIG_FIELDS } from '../config-form';
import { parseTagLines } from '../model-steps';

// Field builders the ML kinds share: a new schema per call, because a field's form entry is
// registered on its schema object.

/** A dataset column name as pandas shows it (any text but control characters). */
export const columnSchema = (label: string, hint: string, fallback: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(200)
    .refine((name) => ![...name].some((c) => c.charCodeAt(0) < 32), 'must not contain control characters')
    .default(fallback)
    .register(CONFIG_FIELDS, { label, hint, widget: 'text' });

export const targetSchema = () => columnSchema('Target column', 'The column to predict.', 'target');

export const seedSchema = () =>
  z.number().int().min(0).max(2 ** 31 - 1).default(42).register(CONFIG_FIELDS, { label: 'Random seed', hint: 'Same seed, same data: same result.', widget: 'number', step: 1 });

export const taskSchema = () =>
  z.enum(['classification', 'regression']).default('classification').register(CONFIG_FIELDS, { label: 'Task', widget: 'select' });

export const bootstrapSchema = (fallback: number) =>
  z.number().int().min(50).max(20_000).default(fallback).register(CONFIG_FIELDS, { label: 'Bootstrap resamples', hint: 'More: tighter intervals, slower.', widget: 'number', step: 100 });

export const confidenceSchema = () =>
  z.number().min(0.5).max(0.999).default(0.95).register(CONFIG_FIELDS, { label: 'Confidence level', hint: 'Of the intervals, e.g. 0.95.', widget: 'number', step: 0.01 });

/** Column names, comma-separated; parsed into a list at compile. */
export const columnListSchema = (label: string, hint: string, fallback: string) =>
  z
    .string()
    .max(10_000)
    .default(fallback)
    .transform((text) => text.split(',').map((c) => c.trim()).filter(Boolean))
    .register(CONFIG_FIELDS, { label, hint, widget: 'text' });

/** `key=value` lines whose values are numbers (per-feature thresholds); parsed into a record at compile. */
export const numberLinesSchema = (label: string, hint: string) =>
  z
    .string()
    .max(20_000)
    .default('')
    .transform((text, ctx) => {
      const parsed = parseTagLines(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      const entries: [string, number][] = [];
      for (const { key, value } of parsed.tags) {
        const number = Number(value);
        if (value.trim() === '' || !Number.isFinite(number)) {
          ctx.addIssue({ code: 'custom', message: `${key}: ${JSON.stringify(value)} is not a number` });
          return z.NEVER;
        }
        entries.push([key, number]);
      }
      return Object.fromEntries(entries);
    })
    .register(CONFIG_FIELDS, { label, hint, widget: 'textarea', rows: 3 });

/** Which way a failed check goes: the step fails, or the report says so and the step goes on. */
export const policySchema = (label: string, fallback: 'fail' | 'warn' | 'off') =>
  z.enum(['fail', 'warn', 'off']).default(fallback).register(CONFIG_FIELDS, { label, widget: 'select' });
