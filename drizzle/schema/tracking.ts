import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { pipelines } from './pipelines';
import { projects } from './projects';
import { runs } from './runs';

// Experiment tracking, shaped after MLflow's entities so that the MLflow REST API
// (server/services/tracking) is a thin adapter. Times are epoch milliseconds, as MLflow has them.

export const LIFECYCLE_STAGES = ['active', 'deleted'] as const;
export const TRACKING_RUN_STATUSES = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] as const;
export const lifecycleStageEnum = pgEnum('lifecycle_stage', LIFECYCLE_STAGES);
export const trackingRunStatusEnum = pgEnum('tracking_run_status', TRACKING_RUN_STATUSES);

const epochMs = () => bigint({ mode: 'number' });

/**
 * An experiment of a project. A pipeline is one (`pipelineId`, made when its runs first log);
 * clients create others. Ids are numbers, as MLflow's (its clients send them as strings).
 */
export const trackingExperiments = pgTable(
  'tracking_experiments',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** null: Weft's own artifact store, `mlflow-artifacts:/<id>` (served by the artifacts proxy) */
    artifactLocation: text(),
    lifecycleStage: lifecycleStageEnum().notNull().default('active'),
    pipelineId: uuid().references(() => pipelines.id, { onDelete: 'set null' }),
    creationTime: epochMs().notNull(),
    lastUpdateTime: epochMs().notNull(),
  },
  (t) => [unique().on(t.projectId, t.name), uniqueIndex().on(t.pipelineId).where(sql`${t.pipelineId} is not null`)],
);

export const trackingExperimentTags = pgTable(
  'tracking_experiment_tags',
  {
    experimentId: bigint({ mode: 'number' })
      .notNull()
      .references(() => trackingExperiments.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    value: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.key] })],
);

/**
 * A tracking run (MLflow's run). A Weft pipeline run is a parent run (`weftRunId`), each step
 * attempt that logs a nested child run (`weftRunId`, `weftNodeId`, `weftAttempt`; MLflow's
 * `mlflow.parentRunId` tag names its parent).
 */
export const trackingRuns = pgTable(
  'tracking_runs',
  {
    /** 32 hex digits, as MLflow's run ids */
    runUuid: text().primaryKey(),
    experimentId: bigint({ mode: 'number' })
      .notNull()
      .references(() => trackingExperiments.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** who the client says ran it (MLflow's free-form user_id) */
    userId: text().notNull().default(''),
    status: trackingRunStatusEnum().notNull().default('RUNNING'),
    startTime: epochMs().notNull(),
    endTime: epochMs(),
    lifecycleStage: lifecycleStageEnum().notNull().default('active'),
    artifactUri: text().notNull(),
    weftRunId: uuid().references(() => runs.id, { onDelete: 'set null' }),
    weftNodeId: text(),
    weftAttempt: integer(),
  },
  (t) => [
    // the runs table of an experiment: newest first, paged (the default order of runs/search)
    index().on(t.experimentId, t.startTime.desc(), t.runUuid),
    uniqueIndex().on(t.weftRunId, t.weftNodeId, t.weftAttempt).where(sql`${t.weftRunId} is not null`),
  ],
);

const runRef = () =>
  text()
    .notNull()
    .references(() => trackingRuns.runUuid, { onDelete: 'cascade' });

/** Params are immutable: a key keeps its first value. */
export const trackingParams = pgTable('tracking_params', { runUuid: runRef(), key: text().notNull(), value: text().notNull() }, (t) => [
  primaryKey({ columns: [t.runUuid, t.key] }),
  index().on(t.key, t.value),
]);

export const trackingTags = pgTable('tracking_tags', { runUuid: runRef(), key: text().notNull(), value: text().notNull() }, (t) => [
  primaryKey({ columns: [t.runUuid, t.key] }),
  index().on(t.key, t.value),
]);

/** Every metric point (a time series per run and key); the key prefix serves get-history in step order. */
export const trackingMetrics = pgTable(
  'tracking_metrics',
  {
    runUuid: runRef(),
    key: text().notNull(),
    step: bigint({ mode: 'number' }).notNull(),
    timestamp: epochMs().notNull(),
    value: doublePrecision().notNull(),
  },
  // an identical point logged twice is one point (MLflow's rule)
  (t) => [primaryKey({ columns: [t.runUuid, t.key, t.step, t.timestamp, t.value] })],
);

/**
 * The latest point per run and key (highest step, then timestamp, then value: MLflow's rule),
 * kept in the transaction that logs: what run.data.metrics shows, what search filters and sorts on.
 */
export const trackingLatestMetrics = pgTable(
  'tracking_latest_metrics',
  {
    runUuid: runRef(),
    key: text().notNull(),
    step: bigint({ mode: 'number' }).notNull(),
    timestamp: epochMs().notNull(),
    value: doublePrecision().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runUuid, t.key] }), index().on(t.key, t.value)],
);

/** A dataset of an experiment, by name and digest (MLflow's dataset entity). */
export const trackingDatasets = pgTable(
  'tracking_datasets',
  {
    id: id(),
    experimentId: bigint({ mode: 'number' })
      .notNull()
      .references(() => trackingExperiments.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    digest: text().notNull(),
    sourceType: text().notNull(),
    source: text().notNull(),
    schema: text(),
    profile: text(),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.experimentId, t.name, t.digest)],
);

/** A run's use of a dataset, with the input's tags (e.g. mlflow.data.context = training). */
export const trackingInputs = pgTable(
  'tracking_inputs',
  {
    runUuid: runRef(),
    datasetId: uuid()
      .notNull()
      .references(() => trackingDatasets.id, { onDelete: 'cascade' }),
    tags: jsonb().$type<{ key: string; value: string }[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.runUuid, t.datasetId] }), index().on(t.datasetId)],
);
