import { z } from 'zod';
import { CONFIG_FIELDS } from '../config-form';
import { MAX_MODEL_NAME_LENGTH } from '../model-registry';
import { columnListSchema, numberLinesSchema, policySchema, seedSchema, targetSchema } from './fields';

const SHA256 = /^[0-9a-f]{64}$/;
const ARTIFACT_PARAMETER = /^params\.([A-Za-z_][A-Za-z0-9_]*)$/;

/**
 * The artifact a Load dataset step with the artifact source reads: its hash, and the name the
 * step's lineage records it under (the parameter it came from). An error names what is wrong.
 */
export function loadDatasetArtifact(artifact: string, params: Readonly<Record<string, unknown>>): { name: string; hash: string } | { error: string } {
  const parameter = ARTIFACT_PARAMETER.exec(artifact)?.[1];
  const hash = parameter === undefined ? artifact : params[parameter];
  const name = parameter === undefined ? 'artifact' : `params.${parameter}`;
  if (parameter !== undefined && !Object.hasOwn(params, parameter)) return { error: `the run has no parameter "${parameter}"` };
  if (typeof hash !== 'string' || !SHA256.test(hash)) return { error: `${parameter === undefined ? 'the artifact' : `parameter "${parameter}"`} is not an artifact’s sha256 (64 hex digits): ${JSON.stringify(String(hash).slice(0, 80))}` };
  return { name, hash };
}

/** Datasets scikit-learn ships inside its wheel: loaded with no download at run time. */
export const SKLEARN_DATASETS = ['iris', 'wine', 'breast_cancer', 'diabetes'] as const;

export const ZLoadDatasetConfigSchema = z
  .object({
    source: z
      .enum(['sklearn', 'path', 'upstream', 'artifact'])
      .default('sklearn')
      .register(CONFIG_FIELDS, { label: 'Source', hint: 'A dataset scikit-learn ships, a file path, an upstream file, or an artifact of the store by its sha256.', widget: 'select' }),
    dataset: z.enum(SKLEARN_DATASETS).default('breast_cancer').register(CONFIG_FIELDS, { label: 'scikit-learn dataset', hint: 'Its label column is `target`.', widget: 'select' }),
    path: z
      .string()
      .trim()
      .max(1_000)
      .default('')
      .register(CONFIG_FIELDS, { label: 'Path or file name', hint: 'Path: a CSV or Parquet file the step can read (a shared directory). Upstream: the file name; empty: the only CSV/Parquet one.', widget: 'text' }),
    artifact: z
      .string()
      .trim()
      .max(100)
      .default('')
      .refine((text) => text === '' || SHA256.test(text) || ARTIFACT_PARAMETER.test(text), 'An artifact’s sha256 (64 hex digits), or params.<name>')
      .register(CONFIG_FIELDS, {
        label: 'Artifact',
        hint: 'Artifact source: the sha256 of a stored CSV or Parquet file, or `params.<name>` to take it from a run parameter (an alert’s retraining run gets the drifted data that way).',
        widget: 'text',
      }),
    format: z.enum(['auto', 'csv', 'parquet']).default('auto').register(CONFIG_FIELDS, { label: 'Format', hint: 'auto: by the file extension (an artifact: by its content).', widget: 'select' }),
  })
  .superRefine((config, ctx) => {
    if (config.source === 'path' && !config.path) ctx.addIssue({ code: 'custom', path: ['path'], message: 'A path is required when the source is a path' });
    if (config.source === 'artifact' && !config.artifact) ctx.addIssue({ code: 'custom', path: ['artifact'], message: 'An artifact is required when the source is an artifact' });
  });

/**
 * A declared schema (Validate data): per column its type, nullability, range, allowed values and
 * uniqueness. JSON in the form, checked here, handed to the step as an object.
 */
const ZColumnRuleSchema = z
  .object({
    type: z.enum(['number', 'integer', 'string', 'boolean', 'datetime']).optional(),
    nullable: z.boolean().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    allowed: z.array(z.union([z.string(), z.number(), z.boolean()])).max(1_000).optional(),
    unique: z.boolean().optional(),
  })
  .strict();
const ZDeclaredSchema = z.record(z.string().min(1), ZColumnRuleSchema);

const declaredSchemaField = () =>
  z
    .string()
    .max(100_000)
    .default('')
    .transform((text, ctx) => {
      if (!text.trim()) return null;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `not JSON: ${(error as Error).message}` });
        return z.NEVER;
      }
      const parsed = ZDeclaredSchema.safeParse(json);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: `${issue.path.join('.') || 'schema'}: ${issue.message}` });
      return z.NEVER;
    })
    .register(CONFIG_FIELDS, {
      label: 'Declared schema',
      hint: 'JSON, per column: `{"age": {"type": "integer", "nullable": false, "min": 0, "max": 120, "unique": false, "allowed": [...]}}`. Empty: inferred from the reference input.',
      widget: 'textarea',
      rows: 6,
    });

export const ZValidateDataConfigSchema = z.object({
  schema: declaredSchemaField(),
  columns: policySchema('Missing or unexpected columns', 'fail'),
  types: policySchema('Wrong types', 'fail'),
  nulls: policySchema('Nulls where none are allowed', 'fail'),
  ranges: policySchema('Values out of range', 'fail'),
  allowed: policySchema('Values not allowed', 'fail'),
  unique: policySchema('Duplicates in unique columns', 'fail'),
  distribution: policySchema('Distribution shift from the reference', 'warn'),
  pValue: z.number().gt(0).max(0.5).default(0.001).register(CONFIG_FIELDS, { label: 'Shift p-value', hint: 'KS (numeric) or chi-square (categorical) below this counts as a shift.', widget: 'number', step: 0.001 }),
  nullRateShift: z.number().min(0).max(1).default(0.1).register(CONFIG_FIELDS, { label: 'Null-rate shift', hint: 'A change in a column’s share of nulls above this counts as a shift.', widget: 'number', step: 0.01 }),
});

export const ZSplitConfigSchema = z
  .object({
    target: targetSchema(),
    testFraction: z.number().gt(0).lt(1).default(0.2).register(CONFIG_FIELDS, { label: 'Test fraction', widget: 'number', step: 0.05 }),
    validationFraction: z.number().min(0).lt(1).default(0).register(CONFIG_FIELDS, { label: 'Validation fraction', hint: '0: no validation set (its output is empty).', widget: 'number', step: 0.05 }),
    stratify: z.boolean().default(true).register(CONFIG_FIELDS, { label: 'Stratify by the target', hint: 'Each part keeps the classes’ shares (classification).', widget: 'checkbox' }),
    seed: seedSchema(),
  })
  .superRefine((config, ctx) => {
    if (config.testFraction + config.validationFraction >= 0.95) ctx.addIssue({ code: 'custom', path: ['validationFraction'], message: 'Test and validation fractions together must leave at least 5% for training' });
  });

export const ZDriftCheckConfigSchema = z.object({
  exclude: columnListSchema('Columns to skip', 'Comma-separated, e.g. the label and ids.', 'target'),
  psiThreshold: z.number().gt(0).max(10).default(0.2).register(CONFIG_FIELDS, { label: 'PSI threshold', hint: 'A feature whose PSI is above this has drifted (0.1: some, 0.2: significant).', widget: 'number', step: 0.05 }),
  thresholds: numberLinesSchema('PSI thresholds per feature', 'One `feature=threshold` per line; others use the threshold above.'),
  ksAlpha: z.number().gt(0).max(0.5).default(0.01).register(CONFIG_FIELDS, { label: 'KS significance', hint: 'A numeric feature over its PSI threshold drifted only if its KS p-value is also below this, divided by the number of features (not chance).', widget: 'number', step: 0.005 }),
  bins: z.number().int().min(2).max(100).default(10).register(CONFIG_FIELDS, { label: 'PSI bins', hint: 'Quantile bins of the reference.', widget: 'number', step: 1 }),
  modelName: z.string().trim().max(MAX_MODEL_NAME_LENGTH).default('').register(CONFIG_FIELDS, { label: 'Monitored model', hint: 'The registered model this check watches: its scores go to the model’s Monitoring page and alert rules.', widget: 'text' }),
});
