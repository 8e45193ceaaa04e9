import { sql } from 'drizzle-orm';
import { bigint, check, char, index, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { trackingExperiments, trackingRuns } from './tracking';

// What MLflow clients upload through the mlflow-artifacts proxy and the logged models (MLflow 3's
// LoggedModel) whose files they are. The bytes live in Weft's content-addressed artifact store
// (workflows/artifacts); these rows name them. Times are epoch milliseconds, as MLflow has them.

export const LOGGED_MODEL_STATUSES = ['LOGGED_MODEL_PENDING', 'LOGGED_MODEL_READY', 'LOGGED_MODEL_UPLOAD_FAILED'] as const;
export const loggedModelStatusEnum = pgEnum('logged_model_status', LOGGED_MODEL_STATUSES);

const epochMs = () => bigint({ mode: 'number' });

/** A logged model (`mlflow.<flavor>.log_model`): its files are artifacts under `<experiment>/models/<modelId>/artifacts`. */
export const trackingLoggedModels = pgTable('tracking_logged_models', {
  /** `m-` and 32 hex digits, as MLflow's */
  modelId: text().primaryKey(),
  experimentId: bigint({ mode: 'number' })
    .notNull()
    .references(() => trackingExperiments.id, { onDelete: 'cascade' }),
  name: text().notNull(),
  modelType: text().notNull().default(''),
  sourceRunUuid: text().references(() => trackingRuns.runUuid, { onDelete: 'set null' }),
  status: loggedModelStatusEnum().notNull().default('LOGGED_MODEL_PENDING'),
  statusMessage: text().notNull().default(''),
  artifactUri: text().notNull(),
  /** key → value; params never change once logged (MLflow's rule), tags may */
  params: jsonb().$type<Record<string, string>>().notNull().default({}),
  tags: jsonb().$type<Record<string, string>>().notNull().default({}),
  creationTime: epochMs().notNull(),
  lastUpdateTime: epochMs().notNull(),
});

/** A run's logged models (MLflow's run outputs), at the step the client names. */
export const trackingRunOutputs = pgTable(
  'tracking_run_outputs',
  {
    runUuid: text()
      .notNull()
      .references(() => trackingRuns.runUuid, { onDelete: 'cascade' }),
    modelId: text()
      .notNull()
      .references(() => trackingLoggedModels.modelId, { onDelete: 'cascade' }),
    step: bigint({ mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.runUuid, t.modelId] })],
);

/**
 * One file of a run or of a logged model, at a path relative to its artifact root: its bytes are
 * `sha256` in the artifact store. Uploading to a path again points it at the new content.
 */
export const trackingArtifacts = pgTable(
  'tracking_artifacts',
  {
    runUuid: text().references(() => trackingRuns.runUuid, { onDelete: 'cascade' }),
    modelId: text().references(() => trackingLoggedModels.modelId, { onDelete: 'cascade' }),
    path: text().notNull(),
    sha256: char({ length: 64 }).notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    mediaType: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // path prefixes serve listings (`text_pattern_ops`: LIKE 'dir/%' in any collation)
    uniqueIndex().on(t.runUuid, t.path.op('text_pattern_ops')).where(sql`${t.runUuid} is not null`),
    uniqueIndex().on(t.modelId, t.path.op('text_pattern_ops')).where(sql`${t.modelId} is not null`),
    // which project holds a hash (a step reading an artifact by hash must be of that project)
    index().on(t.sha256),
    check('tracking_artifacts_one_owner', sql`(${t.runUuid} is null) <> (${t.modelId} is null)`),
  ],
);
