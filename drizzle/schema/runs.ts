import { sql } from 'drizzle-orm';
import { bigint, check, doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { RUN_STATUSES, STEP_ORIGINS, STEP_STATUSES, type TParameterValue, type TStepOutputs } from '../../workflows/dsl';
import { user } from './auth';
import { createdAt, id } from './columns';
import { pipelines, pipelineVersions } from './pipelines';
import { projects } from './projects';
import { schedules } from './schedules';

export const runStatusEnum = pgEnum('run_status', RUN_STATUSES);
export const stepStatusEnum = pgEnum('step_status', STEP_STATUSES);
export const runTriggerEnum = pgEnum('run_trigger', ['manual', 'schedule', 'pipeline', 'alert']);
export const attemptStatusEnum = pgEnum('attempt_status', ['running', 'succeeded', 'failed']);
export const stepOriginEnum = pgEnum('step_origin', STEP_ORIGINS);
export const artifactDirectionEnum = pgEnum('artifact_direction', ['input', 'output']);

export const runs = pgTable(
  'runs',
  {
    id: id(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    pipelineId: uuid()
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    versionId: uuid()
      .notNull()
      .references(() => pipelineVersions.id, { onDelete: 'cascade' }),
    workflowId: text().notNull().unique(),
    /** client-generated: a repeated start request returns the same run */
    requestId: text().unique(),
    status: runStatusEnum().notNull().default('queued'),
    trigger: runTriggerEnum().notNull().default('manual'),
    scheduleId: uuid().references(() => schedules.id, { onDelete: 'set null' }),
    /**
     * whom the run is on behalf of: who started it (a schedule's "run now" included), a scheduled
     * run's schedule creator, a sub-pipeline's parent's; they may not approve its gates (four-eyes)
     */
    startedBy: text().references(() => user.id),
    params: jsonb().$type<Record<string, TParameterValue>>().notNull().default({}),
    /** Temporal priority of its steps: 1 (highest) … 5 (lowest) */
    priority: integer().notNull().default(3),
    /** set on a retry-from-failure run: the run whose succeeded steps it reuses */
    retryOfRunId: uuid().references((): AnyPgColumn => runs.id, { onDelete: 'set null' }),
    /** set on a sub-pipeline's run: the run and node that started it */
    parentRunId: uuid().references((): AnyPgColumn => runs.id, { onDelete: 'cascade' }),
    parentNodeId: text(),
    error: text(),
    createdAt: createdAt(),
    startedAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.pipelineId, t.createdAt), index().on(t.projectId, t.createdAt), check('runs_priority', sql`${t.priority} between 1 and 5`)],
);

/** One node's execution inside a run; its attempts are in step_attempts. */
export const steps = pgTable(
  'steps',
  {
    id: id(),
    runId: uuid()
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text().notNull(),
    /** the pool it runs on (from the plan; "control" for interpreter steps): the Pools page counts by it */
    pool: text(),
    status: stepStatusEnum().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    /** executed here, served from the step cache, or reused from the run this one retries */
    origin: stepOriginEnum().notNull().default('executed'),
    outputs: jsonb().$type<TStepOutputs>(),
    cacheKey: text(),
    /** a warning the run recorded while the step waits (its team's GPU quota is full) */
    flag: text(),
    /**
     * A pool step still without an attempt this long after it started waits for a worker: the run
     * page flags it "no worker in pool" (computed when read, so a run starts no timer for it).
     */
    waitLimitMs: integer(),
    error: text(),
    startedAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique().on(t.runId, t.nodeId)],
);

/** Keyed by (run, node, attempt) so that recording is idempotent and a late attempt never overwrites a newer one. */
export const stepAttempts = pgTable(
  'step_attempts',
  {
    id: id(),
    runId: uuid()
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text().notNull(),
    attempt: integer().notNull(),
    status: attemptStatusEnum().notNull(),
    workerIdentity: text(),
    exitCode: integer(),
    error: text(),
    log: text().notNull().default(''),
    /** the GPUs the attempt held (CUDA indices on its worker) and GPU-seconds = GPUs × time held */
    gpuDevices: text().array(),
    gpuSeconds: doublePrecision(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique().on(t.runId, t.nodeId, t.attempt)],
);

/** Step outputs by cache key, per project: a cache never serves outputs across projects. */
export const stepCache = pgTable(
  'step_cache',
  {
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    cacheKey: text().notNull(),
    outputs: jsonb().$type<TStepOutputs>().notNull(),
    sourceRunId: uuid().references(() => runs.id, { onDelete: 'set null' }),
    sourceNodeId: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.cacheKey] })],
);

/** Lineage: which step read and wrote which artifact (by content hash). */
export const stepArtifacts = pgTable(
  'step_artifacts',
  {
    id: id(),
    runId: uuid()
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text().notNull(),
    direction: artifactDirectionEnum().notNull(),
    /** the artifact's name; inputs are named `<fromNode>/<name>` */
    name: text().notNull(),
    hash: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [unique().on(t.runId, t.nodeId, t.direction, t.name), index().on(t.hash)],
);

/** Metrics a step reported (last value per key). */
export const stepMetrics = pgTable(
  'step_metrics',
  {
    runId: uuid()
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text().notNull(),
    key: text().notNull(),
    value: doublePrecision().notNull(),
    at: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.nodeId, t.key] })],
);
