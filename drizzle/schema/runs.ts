import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { RUN_STATUSES, STEP_STATUSES, type TParameterValue } from '../../workflows/dsl';
import { user } from './auth';
import { createdAt, id } from './columns';
import { pipelines, pipelineVersions } from './pipelines';
import { projects } from './projects';
import { schedules } from './schedules';

export const runStatusEnum = pgEnum('run_status', RUN_STATUSES);
export const stepStatusEnum = pgEnum('step_status', STEP_STATUSES);
export const runTriggerEnum = pgEnum('run_trigger', ['manual', 'schedule']);
export const attemptStatusEnum = pgEnum('attempt_status', ['running', 'succeeded', 'failed']);

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
    startedBy: text().references(() => user.id),
    params: jsonb().$type<Record<string, TParameterValue>>().notNull().default({}),
    error: text(),
    createdAt: createdAt(),
    startedAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.pipelineId, t.createdAt), index().on(t.projectId, t.createdAt)],
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
    status: stepStatusEnum().notNull().default('pending'),
    attempts: integer().notNull().default(0),
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
    startedAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique().on(t.runId, t.nodeId, t.attempt)],
);
