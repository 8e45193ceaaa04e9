import { and, eq, sql } from 'drizzle-orm';
import { pipelines, pipelineVersions, runs, trackingExperiments, trackingParams, trackingRuns, trackingTags } from '../../../drizzle/schema';
import { parentTrackingRunId, stepTrackingRunId, trackingNodeId, type TStepTrackingClaims } from '../../../workflows/contract/step-tracking';
import { arrayParam } from '../../db/array-param';
import type { TDbOrTx } from '../../db/client';
import { notFound } from '../../errors';
import { artifactLocationOf, type TExperimentRow } from './experiment-json';
import { PARENT_RUN_TAG, RUN_NAME_TAG } from './mlflow-tags';

export type TStepAttemptRef = Pick<TStepTrackingClaims, 'runId' | 'nodeId' | 'attempt' | 'item'>;
export type TStepTrackingRun = { projectId: string; experimentId: number; runUuid: string; parentRunUuid: string; startedBy: string | null };

/**
 * A step attempt's child tracking run, and above it the Weft run's parent run and the pipeline's
 * experiment, made the first time they are needed (a step's first MLflow call, or its first
 * `weft.log_metric` being recorded). Ids are derived from the attempt, so every writer makes the
 * same rows and a second one changes nothing.
 */
export async function ensureStepTrackingRun(db: TDbOrTx, ref: TStepAttemptRef): Promise<TStepTrackingRun> {
  const runUuid = stepTrackingRunId(ref);
  const parentRunUuid = parentTrackingRunId(ref.runId);
  const [known] = await db
    .select({ projectId: trackingExperiments.projectId, experimentId: trackingRuns.experimentId, startedBy: runs.startedBy })
    .from(trackingRuns)
    .innerJoin(trackingExperiments, eq(trackingExperiments.id, trackingRuns.experimentId))
    .leftJoin(runs, eq(runs.id, trackingRuns.weftRunId))
    .where(eq(trackingRuns.runUuid, runUuid));
  if (known) return { ...known, runUuid, parentRunUuid };

  const [run] = await db
    .select({
      projectId: runs.projectId,
      pipelineId: runs.pipelineId,
      pipelineName: pipelines.name,
      versionNumber: pipelineVersions.number,
      startedBy: runs.startedBy,
      createdAt: runs.createdAt,
      params: runs.params,
      label: sql<string | null>`(select s->>'label' from jsonb_array_elements(${pipelineVersions.plan}->'steps') s where s->>'nodeId' = ${ref.nodeId} limit 1)`,
    })
    .from(runs)
    .innerJoin(pipelines, eq(pipelines.id, runs.pipelineId))
    .innerJoin(pipelineVersions, eq(pipelineVersions.id, runs.versionId))
    .where(eq(runs.id, ref.runId));
  if (!run) throw notFound('Run');
  const experiment = await ensurePipelineExperiment(db, run);
  const now = Date.now();
  const user = run.startedBy ?? '';
  const weftTags = (nodeId?: string) => [
    { key: 'weft.runId', value: ref.runId },
    { key: 'weft.pipelineVersion', value: String(run.versionNumber) },
    ...(nodeId ? [{ key: 'weft.nodeId', value: nodeId }, { key: 'weft.attempt', value: String(ref.attempt) }] : []),
  ];

  const parentName = `${run.pipelineName} · ${ref.runId.slice(0, 8)}`;
  const parent = await db
    .insert(trackingRuns)
    .values({ runUuid: parentRunUuid, experimentId: experiment.id, name: parentName, userId: user, startTime: run.createdAt.getTime(), artifactUri: artifactUri(experiment, parentRunUuid), weftRunId: ref.runId })
    .onConflictDoNothing()
    .returning({ runUuid: trackingRuns.runUuid });
  if (parent.length) {
    await db.insert(trackingTags).values([{ runUuid: parentRunUuid, key: RUN_NAME_TAG, value: parentName }, ...weftTags().map((t) => ({ runUuid: parentRunUuid, ...t }))]).onConflictDoNothing();
    // the pipeline's parameters are the parent run's params: what runs are compared by
    const params = Object.entries(run.params).map(([key, value]) => ({ runUuid: parentRunUuid, key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
    if (params.length) await db.insert(trackingParams).values(params).onConflictDoNothing();
  }

  const nodeId = trackingNodeId(ref);
  const childName = `${run.label ?? ref.nodeId}${ref.item === undefined ? '' : ` [${ref.item}]`}${ref.attempt > 1 ? ` (attempt ${ref.attempt})` : ''}`;
  const child = await db
    .insert(trackingRuns)
    .values({ runUuid, experimentId: experiment.id, name: childName, userId: user, startTime: now, artifactUri: artifactUri(experiment, runUuid), weftRunId: ref.runId, weftNodeId: nodeId, weftAttempt: ref.attempt })
    .onConflictDoNothing()
    .returning({ runUuid: trackingRuns.runUuid });
  if (child.length) {
    const tags = [{ key: RUN_NAME_TAG, value: childName }, { key: PARENT_RUN_TAG, value: parentRunUuid }, ...weftTags(nodeId)];
    await db.insert(trackingTags).values(tags.map((t) => ({ runUuid, ...t }))).onConflictDoNothing();
  }
  return { projectId: run.projectId, experimentId: experiment.id, runUuid, parentRunUuid, startedBy: run.startedBy };
}

const artifactUri = (experiment: TExperimentRow, runUuid: string) => `${artifactLocationOf(experiment)}/${runUuid}/artifacts`;

/** The pipeline's experiment, named after it (or, where a client's experiment has that name, with the pipeline's id). */
async function ensurePipelineExperiment(db: TDbOrTx, run: { projectId: string; pipelineId: string; pipelineName: string }): Promise<TExperimentRow> {
  const find = () => db.select().from(trackingExperiments).where(eq(trackingExperiments.pipelineId, run.pipelineId));
  const [existing] = await find();
  if (existing) return existing;
  const now = Date.now();
  for (const name of [run.pipelineName, `${run.pipelineName} (pipeline ${run.pipelineId.slice(0, 8)})`]) {
    const [made] = await db
      .insert(trackingExperiments)
      .values({ projectId: run.projectId, name, pipelineId: run.pipelineId, creationTime: now, lastUpdateTime: now })
      .onConflictDoNothing()
      .returning();
    if (made) return made;
    const [raced] = await find();
    if (raced) return raced;
  }
  throw new Error(`No experiment name left for pipeline ${run.pipelineId}`);
}

/**
 * Ends the tracking runs of Weft runs that ended: a child run its step's client left RUNNING takes
 * its attempt's end (a client that crashed, a step killed), the parent run the run's. A run the
 * client ended keeps the status it gave.
 */
export async function endTrackingRuns(db: TDbOrTx, ended: { runId: string; status: string; endedAt: string }[]): Promise<void> {
  if (ended.length === 0) return;
  const attempt = (column: string) =>
    sql.raw(`(select a.${column} from step_attempts a where a.run_id = t.weft_run_id and a.node_id = t.weft_node_id and a.attempt = t.weft_attempt)`);
  await db.execute(sql`
    update ${trackingRuns} as t set
      status = (case coalesce(${attempt('status::text')}, v.status) when 'succeeded' then 'FINISHED' when 'failed' then 'FAILED' else 'KILLED' end)::tracking_run_status,
      end_time = (extract(epoch from coalesce(${attempt('ended_at')}, v.ended_at)) * 1000)::bigint
    from unnest(${arrayParam(ended.map((e) => e.runId))}::uuid[], ${arrayParam(ended.map((e) => e.status))}::text[], ${arrayParam(ended.map((e) => e.endedAt))}::timestamptz[]) as v(run_id, status, ended_at)
    where t.weft_run_id = v.run_id and t.status = 'RUNNING'`);
}

/** Whether `runUuid` is the step's own run or one it opened under it (nested runs of a search, say). */
export async function isStepsRun(db: TDbOrTx, stepRunUuid: string, runUuid: string): Promise<boolean> {
  if (runUuid === stepRunUuid) return true;
  const [tag] = await db
    .select({ value: trackingTags.value })
    .from(trackingTags)
    .where(and(eq(trackingTags.runUuid, runUuid), eq(trackingTags.key, PARENT_RUN_TAG)));
  return tag?.value === stepRunUuid;
}
