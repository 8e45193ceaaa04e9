import { z } from 'zod';

// What the Experiments UI asks for; the tRPC router and the services share these schemas.

const ZKeySchema = z.string().min(1).max(250);
const ZRunIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a run id is 32 hex digits');
export const ZExperimentIdSchema = z.number().int().positive();

/** The runs table: MLflow filter syntax, one sort column, the param and metric columns shown, a page. */
export const ZRunsTableSchema = z.object({
  experimentId: ZExperimentIdSchema,
  filter: z.string().max(4000).default(''),
  orderBy: z.object({ entity: z.enum(['attribute', 'param', 'metric', 'tag']), key: ZKeySchema, ascending: z.boolean() }).nullable().default(null),
  params: z.array(ZKeySchema).max(30).default([]),
  metrics: z.array(ZKeySchema).max(30).default([]),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TRunsTableInput = z.infer<typeof ZRunsTableSchema>;

/** Runs side by side: at most 20 (the compare view's limit). */
export const ZCompareRunsSchema = z.object({ runUuids: z.array(ZRunIdSchema).min(1).max(20) });

/** Metric histories of some runs for the charts: ≤ 20 runs × ≤ 50 keys. */
export const ZMetricHistoriesSchema = z.object({ runUuids: z.array(ZRunIdSchema).min(1).max(20), keys: z.array(ZKeySchema).min(1).max(50) });

export const ZArtifactRefSchema = z.object({ runUuid: ZRunIdSchema, path: z.string().min(1).max(1024) });
