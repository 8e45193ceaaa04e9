import { and, asc, desc, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { trackingRuns } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';
import { findExperiment } from './find-experiment';
import { lifecycleCondition } from './lifecycle';
import type { ZSearchRunsSchema } from './requests';
import { runData } from './run-data';
import { runJson } from './run-json';
import { parseFilter, parseOrderBy } from './search/filter-parser';
import { decodePageToken, encodePageToken } from './search/page-token';
import { RUN_TARGET } from './search/run-target';
import { filterSql, orderSql } from './search/search-sql';
import type { TTrackingCaller } from './tracking-access';

/**
 * runs/search: runs of the given experiments, filtered and ordered with MLflow's syntax (default:
 * newest first), paged by offset tokens. Experiments the caller may not read are left out, as
 * unknown ids are.
 */
export async function searchRuns(db: TDbOrTx, caller: TTrackingCaller, body: z.infer<typeof ZSearchRunsSchema>) {
  if (!body.experiment_ids.length) throw new AppError('BAD_REQUEST', 'experiment_ids: name at least one experiment');
  const where = filterSql(RUN_TARGET, parseFilter(body.filter));
  const order = orderSql(RUN_TARGET, body.order_by.map(parseOrderBy));
  const offset = decodePageToken(body.page_token);
  const readable = await Promise.all(
    [...new Set(body.experiment_ids)].map((id) =>
      findExperiment(db, caller, id, 'read').then(
        (e) => e.id,
        (error: unknown) => {
          if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
          throw error;
        },
      ),
    ),
  );
  const experimentIds = readable.filter((id): id is number => id !== null);
  if (!experimentIds.length) return { runs: [] };
  const rows = await db
    .select()
    .from(trackingRuns)
    .where(and(inArray(trackingRuns.experimentId, experimentIds), lifecycleCondition(trackingRuns.lifecycleStage, body.run_view_type), where))
    .orderBy(...order, desc(trackingRuns.startTime), asc(trackingRuns.runUuid))
    .limit(body.max_results + 1)
    .offset(offset);
  const page = rows.slice(0, body.max_results);
  const data = await runData(db, page.map((r) => r.runUuid));
  return {
    runs: page.map((run) => runJson(run, data.get(run.runUuid)!)),
    ...(rows.length > body.max_results ? { next_page_token: encodePageToken(offset + body.max_results) } : {}),
  };
}

