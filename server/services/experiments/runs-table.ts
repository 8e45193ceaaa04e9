import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { trackingLatestMetrics, trackingParams, trackingRuns } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { parseFilter } from '../tracking/search/filter-parser';
import { RUN_TARGET } from '../tracking/search/run-target';
import { filterSql, orderSql } from '../tracking/search/search-sql';
import { findProjectExperiment } from './project-experiment';
import type { TRunsTableInput } from './requests';

export type TRunsTableRow = {
  runUuid: string;
  name: string;
  status: (typeof trackingRuns.$inferSelect)['status'];
  startTime: number;
  endTime: number | null;
  weftRunId: string | null;
  weftNodeId: string | null;
  weftAttempt: number | null;
  params: Record<string, string>;
  metrics: Record<string, number>;
};

/**
 * One page of an experiment's active runs for the table: filtered and sorted with MLflow's syntax
 * by the same compiler runs/search uses (a bad filter is BAD_REQUEST with the parser's message),
 * with only the param and metric columns shown. The page and its columns are three indexed
 * queries whatever the experiment's size; the total is a count over the same condition.
 */
export async function runsTable(db: TDbOrTx, projectId: string, input: TRunsTableInput) {
  await findProjectExperiment(db, projectId, input.experimentId);
  const where = and(eq(trackingRuns.experimentId, input.experimentId), eq(trackingRuns.lifecycleStage, 'active'), filterSql(RUN_TARGET, parseFilter(input.filter)));
  const order = orderSql(RUN_TARGET, input.orderBy ? [input.orderBy] : []);
  const [page, [total]] = await Promise.all([
    db
      .select()
      .from(trackingRuns)
      .where(where)
      .orderBy(...order, desc(trackingRuns.startTime), asc(trackingRuns.runUuid))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ n: count() }).from(trackingRuns).where(where),
  ]);
  const ids = page.map((r) => r.runUuid);
  const [params, metrics] = await Promise.all([
    ids.length && input.params.length
      ? db.select().from(trackingParams).where(and(inArray(trackingParams.runUuid, ids), inArray(trackingParams.key, input.params)))
      : [],
    ids.length && input.metrics.length
      ? db.select().from(trackingLatestMetrics).where(and(inArray(trackingLatestMetrics.runUuid, ids), inArray(trackingLatestMetrics.key, input.metrics)))
      : [],
  ]);
  const rows = new Map<string, TRunsTableRow>(
    page.map((r) => [
      r.runUuid,
      { runUuid: r.runUuid, name: r.name, status: r.status, startTime: r.startTime, endTime: r.endTime, weftRunId: r.weftRunId, weftNodeId: r.weftNodeId, weftAttempt: r.weftAttempt, params: {}, metrics: {} },
    ]),
  );
  for (const p of params) rows.get(p.runUuid)!.params[p.key] = p.value;
  for (const m of metrics) rows.get(m.runUuid)!.metrics[m.key] = m.value;
  return { rows: [...rows.values()], total: total?.n ?? 0, offset: input.offset, limit: input.limit };
}
