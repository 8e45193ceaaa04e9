import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { trackingMetrics } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { findRun } from './find-run';
import type { ZGetMetricHistorySchema } from './requests';
import { metricJson } from './run-json';
import { decodePageToken, encodePageToken } from './search/page-token';
import type { TTrackingCaller } from './tracking-access';

/** metrics/get-history: every point of one metric of a run, in step then time order, paged (the client pages by 25,000). */
export async function metricHistory(db: TDbOrTx, caller: TTrackingCaller, body: z.infer<typeof ZGetMetricHistorySchema>) {
  await findRun(db, caller, body.run_id, 'read');
  const offset = decodePageToken(body.page_token);
  const rows = await db
    .select({ key: trackingMetrics.key, value: trackingMetrics.value, timestamp: trackingMetrics.timestamp, step: trackingMetrics.step })
    .from(trackingMetrics)
    .where(and(eq(trackingMetrics.runUuid, body.run_id), eq(trackingMetrics.key, body.metric_key)))
    .orderBy(asc(trackingMetrics.step), asc(trackingMetrics.timestamp), asc(trackingMetrics.value))
    .limit(body.max_results + 1)
    .offset(offset);
  const page = rows.slice(0, body.max_results);
  return {
    metrics: page.map(metricJson),
    ...(rows.length > body.max_results ? { next_page_token: encodePageToken(offset + body.max_results) } : {}),
  };
}
