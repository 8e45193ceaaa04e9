import { z } from 'zod';
import { TRACKING_RUN_STATUSES } from '../../../drizzle/schema';

// The MLflow tracking API's request bodies (mlflow/protos/service.proto), as the official client
// sends them: snake_case, int64 as numbers or digit strings, doubles possibly "NaN"/"Infinity",
// list fields of GET requests repeated in the query. Limits are MLflow's own.

export const MAX_METRICS_PER_BATCH = 1000;
export const MAX_PARAMS_TAGS_PER_BATCH = 100;
export const MAX_KEY_LENGTH = 250;
export const MAX_PARAM_VALUE_LENGTH = 6000;
export const MAX_TAG_VALUE_LENGTH = 8000;
export const MAX_EXPERIMENT_NAME_LENGTH = 500;
export const SEARCH_MAX_RESULTS_DEFAULT = 1000;
export const SEARCH_MAX_RESULTS = 50_000;
export const METRIC_HISTORY_MAX_RESULTS = 25_000;

const int64 = z
  .union([z.number(), z.string().regex(/^-?\d+$/, 'expected an integer').transform(Number)])
  .pipe(z.number().int('expected an integer').refine(Number.isSafeInteger, 'out of range'));
const SPECIAL_DOUBLES: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };
const double = z.union([
  z.number(),
  z.string().transform((text, ctx) => {
    const value = SPECIAL_DOUBLES[text] ?? (text.trim() === '' ? Number.NaN : Number(text));
    if (Number.isNaN(value) && text !== 'NaN') ctx.addIssue({ code: 'custom', message: 'expected a number' });
    return value;
  }),
]);
/** a list field: repeated in a GET query (one value arrives as a string) or a JSON array */
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(item).max(max, `at most ${max} items`));

export const ZExperimentIdSchema = z.string().regex(/^\d{1,18}$/, 'an experiment id is a number');
const runId = z.string().regex(/^[\w-]{1,64}$/, 'not a run id');
// MLflow's rule for metric, param and tag names (letters, digits, _ - . / : and spaces; no "..")
const key = z
  .string()
  .min(1, 'a key is required')
  .max(MAX_KEY_LENGTH, `at most ${MAX_KEY_LENGTH} characters`)
  .regex(/^[\w\-./: ]+$/, 'may contain only letters, digits, _ - . / : and spaces')
  .refine((k) => !k.split('/').includes('..'), 'may not contain ".." as a path part');
const tag = z.object({ key, value: z.string().max(MAX_TAG_VALUE_LENGTH, `at most ${MAX_TAG_VALUE_LENGTH} characters`) });
const param = z.object({ key, value: z.string().max(MAX_PARAM_VALUE_LENGTH, `at most ${MAX_PARAM_VALUE_LENGTH} characters`) });
const metric = z.object({ key, value: double, timestamp: int64, step: int64.default(0) });
const viewType = z.enum(['ACTIVE_ONLY', 'DELETED_ONLY', 'ALL']).default('ACTIVE_ONLY');
const maxResults = (max: number, fallback: number) => int64.pipe(z.number().min(1, 'at least 1').max(max, `at most ${max}`)).default(fallback);
const filter = z.string().max(10_000, 'at most 10,000 characters').default('');

/** run_id (required); the client also sends the older run_uuid beside it, which stands in when run_id is missing */
const withRun = <T extends z.ZodRawShape>(shape: T) =>
  z.preprocess(
    (body) => (body && typeof body === 'object' && !('run_id' in body) && 'run_uuid' in body ? { ...body, run_id: body.run_uuid } : body),
    z.object(shape).extend({ run_id: runId }),
  );

export const ZCreateExperimentSchema = z.object({
  name: z.string().trim().min(1, 'an experiment name is required').max(MAX_EXPERIMENT_NAME_LENGTH, `at most ${MAX_EXPERIMENT_NAME_LENGTH} characters`),
  artifact_location: z.string().max(2000).optional(),
  tags: list(tag, MAX_PARAMS_TAGS_PER_BATCH).default([]),
});
export const ZExperimentRefSchema = z.object({ experiment_id: ZExperimentIdSchema });
export const ZGetExperimentByNameSchema = z.object({ experiment_name: z.string().min(1, 'experiment_name is required').max(MAX_EXPERIMENT_NAME_LENGTH) });
export const ZUpdateExperimentSchema = ZExperimentRefSchema.extend({ new_name: ZCreateExperimentSchema.shape.name });
export const ZSearchExperimentsSchema = z.object({
  max_results: maxResults(SEARCH_MAX_RESULTS, SEARCH_MAX_RESULTS_DEFAULT),
  page_token: z.string().max(1000).optional(),
  filter,
  order_by: list(z.string().max(500), 20).default([]),
  view_type: viewType,
});

export const ZCreateRunSchema = z.object({
  experiment_id: ZExperimentIdSchema.default('0'),
  user_id: z.string().max(256).default(''),
  run_name: z.string().max(MAX_KEY_LENGTH).optional(),
  start_time: int64.optional(),
  tags: list(tag, MAX_PARAMS_TAGS_PER_BATCH).default([]),
});
export const ZRunRefSchema = withRun({});
export const ZUpdateRunSchema = withRun({ status: z.enum(TRACKING_RUN_STATUSES).optional(), end_time: int64.optional(), run_name: z.string().max(MAX_KEY_LENGTH).optional() });
export const ZLogMetricSchema = withRun(metric.shape);
export const ZLogParamSchema = withRun(param.shape);
export const ZSetTagSchema = withRun(tag.shape);
export const ZDeleteTagSchema = withRun({ key });
export const ZLogBatchSchema = withRun({
  metrics: list(metric, MAX_METRICS_PER_BATCH).default([]),
  params: list(param, MAX_PARAMS_TAGS_PER_BATCH).default([]),
  tags: list(tag, MAX_PARAMS_TAGS_PER_BATCH).default([]),
});
export const ZLogInputsSchema = withRun({
  datasets: list(
    z.object({
      tags: list(tag, MAX_PARAMS_TAGS_PER_BATCH).default([]),
      dataset: z.object({
        name: z.string().min(1).max(500),
        digest: z.string().min(1).max(36),
        source_type: z.string().max(500),
        source: z.string().max(65_535),
        schema: z.string().max(1_048_575).optional(),
        profile: z.string().max(16_777_215).optional(),
      }),
    }),
    1000,
  ).default([]),
});
export const ZSearchRunsSchema = z.object({
  experiment_ids: list(ZExperimentIdSchema, 1000).default([]),
  filter,
  run_view_type: viewType,
  max_results: maxResults(SEARCH_MAX_RESULTS, SEARCH_MAX_RESULTS_DEFAULT),
  order_by: list(z.string().max(500), 20).default([]),
  page_token: z.string().max(1000).optional(),
});
export const ZGetMetricHistorySchema = withRun({
  metric_key: key,
  max_results: maxResults(METRIC_HISTORY_MAX_RESULTS, METRIC_HISTORY_MAX_RESULTS),
  page_token: z.string().max(1000).optional(),
});

export type TLogBatch = z.infer<typeof ZLogBatchSchema>;
export type TViewType = z.infer<typeof viewType>;
