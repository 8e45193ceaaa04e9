import { and, desc, eq, sql } from 'drizzle-orm';
import { pipelines, trackingExperiments, trackingRuns } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';

// correlated per experiment, so each is one scan of the (experiment, start_time) index of its own runs
const active = sql`${trackingRuns.experimentId} = ${trackingExperiments.id} and ${trackingRuns.lifecycleStage} = 'active'`;
const runCount = sql<number>`(select count(*)::int from ${trackingRuns} where ${active})`;
// (bigint: node-postgres answers a string)
const lastRunTime = sql<string | null>`(select max(${trackingRuns.startTime}) from ${trackingRuns} where ${active})`;

/** The project's active experiments, pipelines' and clients' alike, latest activity first, with their run count and last run start. */
export async function listExperiments(db: TDbOrTx, params: { projectId: string }) {
  const rows = await db
    .select({
      id: trackingExperiments.id,
      name: trackingExperiments.name,
      pipelineId: trackingExperiments.pipelineId,
      pipelineName: pipelines.name,
      creationTime: trackingExperiments.creationTime,
      runCount,
      lastRunTime,
    })
    .from(trackingExperiments)
    .leftJoin(pipelines, eq(pipelines.id, trackingExperiments.pipelineId))
    .where(and(eq(trackingExperiments.projectId, params.projectId), eq(trackingExperiments.lifecycleStage, 'active')))
    .orderBy(desc(trackingExperiments.lastUpdateTime), desc(trackingExperiments.id));
  return rows.map((r) => ({ ...r, lastRunTime: r.lastRunTime === null ? null : Number(r.lastRunTime) }));
}
