import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { trackingExperiments, trackingLatestMetrics, trackingRuns } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { findProjectRuns } from './project-experiment';

/**
 * What a Weft run logged: its parent tracking run (node null) first, then its steps' child runs
 * (by node, then attempt), each with its metric keys, for the run page's Metrics and Artifacts
 * tabs. `runUuid` instead names one tracking run (a client's run has no Weft run).
 */
export async function trackingRunsOf(db: TDbOrTx, projectId: string, of: { weftRunId: string } | { runUuid: string }) {
  const runs =
    'weftRunId' in of
      ? (
          await db
            .select({ run: trackingRuns })
            .from(trackingRuns)
            .innerJoin(trackingExperiments, eq(trackingExperiments.id, trackingRuns.experimentId))
            .where(and(eq(trackingRuns.weftRunId, of.weftRunId), eq(trackingExperiments.projectId, projectId), eq(trackingRuns.lifecycleStage, 'active')))
            .orderBy(sql`${trackingRuns.weftNodeId} nulls first`, asc(trackingRuns.weftAttempt))
        ).map((r) => r.run)
      : await findProjectRuns(db, projectId, [of.runUuid]);
  const ids = runs.map((r) => r.runUuid);
  const keys = ids.length
    ? await db
        .select({ runUuid: trackingLatestMetrics.runUuid, key: trackingLatestMetrics.key })
        .from(trackingLatestMetrics)
        .where(inArray(trackingLatestMetrics.runUuid, ids))
        .orderBy(asc(trackingLatestMetrics.key))
    : [];
  return runs.map((r) => ({
    runUuid: r.runUuid,
    name: r.name,
    experimentId: r.experimentId,
    status: r.status,
    weftRunId: r.weftRunId,
    weftNodeId: r.weftNodeId,
    weftAttempt: r.weftAttempt,
    metricKeys: keys.filter((k) => k.runUuid === r.runUuid).map((k) => k.key),
  }));
}
