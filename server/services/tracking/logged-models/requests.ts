import { z } from 'zod';
import { LOGGED_MODEL_STATUSES } from '../../../../drizzle/schema';
import { MAX_KEY_LENGTH, MAX_PARAM_VALUE_LENGTH, MAX_PARAMS_TAGS_PER_BATCH, MAX_TAG_VALUE_LENGTH } from '../requests';

// The logged-models endpoints' bodies (service.proto: CreateLoggedModel, FinalizeLoggedModel,
// LogLoggedModelParamsRequest, SetLoggedModelTags, LogOutputs); `model_id` comes from the URL path.

const ZModelIdSchema = z.string().regex(/^m-[0-9a-f]{32}$/, 'expected a logged model id (m- and 32 hex digits)');
const key = z.string().min(1).max(MAX_KEY_LENGTH);
const ZParamSchema = z.object({ key, value: z.string().max(MAX_PARAM_VALUE_LENGTH) });
const ZTagSchema = z.object({ key, value: z.string().max(MAX_TAG_VALUE_LENGTH) });
const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_PARAMS_TAGS_PER_BATCH).default([]);

export const ZCreateLoggedModelSchema = z.object({
  experiment_id: z.string().regex(/^\d{1,18}$/, 'expected an experiment id'),
  name: z.string().min(1).max(MAX_KEY_LENGTH).optional(),
  model_type: z.string().max(MAX_KEY_LENGTH).optional(),
  source_run_id: z.string().optional(),
  params: list(ZParamSchema),
  tags: list(ZTagSchema),
});
export const ZLoggedModelRefSchema = z.object({ model_id: ZModelIdSchema });
export const ZFinalizeLoggedModelSchema = z.object({
  model_id: ZModelIdSchema,
  status: z.enum(LOGGED_MODEL_STATUSES.filter((s) => s !== 'LOGGED_MODEL_PENDING') as ['LOGGED_MODEL_READY', 'LOGGED_MODEL_UPLOAD_FAILED']),
});
export const ZLogLoggedModelParamsSchema = z.object({ model_id: ZModelIdSchema, params: list(ZParamSchema) });
export const ZSetLoggedModelTagsSchema = z.object({ model_id: ZModelIdSchema, tags: list(ZTagSchema) });
export const ZDeleteLoggedModelTagSchema = z.object({ model_id: ZModelIdSchema, tag_key: key });
export const ZLogOutputsSchema = z.object({
  run_id: z.string().min(1),
  models: z
    .array(z.object({ model_id: ZModelIdSchema, step: z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]).default(0) }))
    .max(MAX_PARAMS_TAGS_PER_BATCH)
    .default([]),
});
export const ZSearchLoggedModelsSchema = z.object({
  experiment_ids: z.array(z.string().regex(/^\d{1,18}$/, 'expected an experiment id')).min(1).max(100),
  filter: z.string().max(1000).optional(),
  max_results: z.number().int().min(1).max(1000).default(100),
  page_token: z.string().regex(/^\d{1,9}$/, 'not a page token from this server').optional(),
});
