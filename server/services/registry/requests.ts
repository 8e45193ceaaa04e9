import { z } from 'zod';
import { MAX_MODEL_NAME_LENGTH, ZAliasSchema } from '../../../workflows/dsl/model-registry';
import { MAX_KEY_LENGTH, MAX_TAG_VALUE_LENGTH } from '../tracking/requests';

// The MLflow model registry API's request bodies (mlflow/protos/model_registry.proto), as the
// official client sends them: snake_case, a version as a digit string, GET fields in the query.

// MLflow's server limits: models 1,000 a page; versions 200,000 (the client asks 10,000 by default)
export const SEARCH_MODELS_MAX_RESULTS = 1000;
export const SEARCH_VERSIONS_MAX_RESULTS = 200_000;

const name = z.string().trim().min(1, 'a model name is required').max(MAX_MODEL_NAME_LENGTH, `at most ${MAX_MODEL_NAME_LENGTH} characters`);
const version = z
  .union([z.number(), z.string().regex(/^\d{1,9}$/, 'a version is a number').transform(Number)])
  .pipe(z.number().int('a version is a number').min(1, 'versions start at 1'));
const key = z.string().min(1, 'a key is required').max(MAX_KEY_LENGTH, `at most ${MAX_KEY_LENGTH} characters`);
const tag = z.object({ key, value: z.string().max(MAX_TAG_VALUE_LENGTH, `at most ${MAX_TAG_VALUE_LENGTH} characters`) });
const description = z.string().max(65_535, 'at most 65,535 characters');
// (the alias rule is the pipeline DSL's too: a "Promote model" node accepts the same names)
export { MAX_MODEL_NAME_LENGTH, ZAliasSchema };
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(item).max(max, `at most ${max} items`));
const search = (max: number, fallback: number) =>
  z.object({
    filter: z.string().max(10_000, 'at most 10,000 characters').default(''),
    max_results: z
      .union([z.number(), z.string().regex(/^\d+$/, 'expected a number').transform(Number)])
      .pipe(z.number().int().min(1, 'at least 1').max(max, `at most ${max}`))
      .default(fallback),
    order_by: list(z.string().max(500), 20).default([]),
    page_token: z.string().max(100).optional(),
  });

export const ZModelRefSchema = z.object({ name });
export const ZCreateModelSchema = z.object({ name, tags: list(tag, 100).default([]), description: description.default('') });
export const ZRenameModelSchema = z.object({ name, new_name: name });
export const ZUpdateModelSchema = z.object({ name, description: description.default('') });
export const ZSearchModelsSchema = search(SEARCH_MODELS_MAX_RESULTS, 100);
export const ZSearchVersionsSchema = search(SEARCH_VERSIONS_MAX_RESULTS, 10_000);
export const ZModelTagSchema = z.object({ name, ...tag.shape });
export const ZModelTagKeySchema = z.object({ name, key });
export const ZSetAliasSchema = z.object({ name, alias: ZAliasSchema, version });
export const ZAliasRefSchema = z.object({ name, alias: ZAliasSchema });
export const ZLatestVersionsSchema = z.object({ name, stages: list(z.string().max(50), 10).default([]) });

export const ZVersionRefSchema = z.object({ name, version });
export const ZTransitionStageSchema = z.object({
  name,
  version,
  stage: z.string().min(1, 'a stage is required').max(50, 'at most 50 characters'),
  archive_existing_versions: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).default(false),
});
export const ZCreateVersionSchema = z.object({
  name,
  source: z
    .string()
    .max(2000, 'at most 2,000 characters')
    .regex(/^(runs:\/|models:\/|mlflow-artifacts:\/)/, 'must be a runs:/<run_id>/<path>, models:/ or mlflow-artifacts:/ URI'),
  run_id: z.string().regex(/^[\w-]{1,64}$/, 'not a run id').optional(),
  tags: list(tag, 100).default([]),
  run_link: z.string().max(2000).optional(),
  description: description.default(''),
});
export const ZUpdateVersionSchema = z.object({ name, version, description: description.default('') });
export const ZVersionTagSchema = z.object({ name, version, ...tag.shape });
export const ZVersionTagKeySchema = z.object({ name, version, key });

export type TSearch = z.infer<typeof ZSearchModelsSchema>;
