import { boolean, doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { createdAt, id } from './columns';
import { pipelines } from './pipelines';
import { projects } from './projects';
import { runs } from './runs';

// Model monitoring: what each drift check found about a registered model, the alert rules on it,
// and the alerts they fired. Keyed by the model's name (not its row): a check may run before the
// model is registered, and a model deleted and registered again keeps its history.

/** a feature's PSI and the threshold it was held to */
export type TFeatureScore = { psi: number; threshold: number };

/** One succeeded drift-check step that named a model (its `modelName`): a point of the monitoring charts. */
export const modelChecks = pgTable(
  'model_checks',
  {
    id: id(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    modelName: text().notNull(),
    runId: uuid()
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text().notNull(),
    checkedAt: timestamp({ withTimezone: true }).notNull(),
    drifted: boolean().notNull(),
    driftedFeatures: integer().notNull(),
    psiMax: doublePrecision().notNull(),
    scores: jsonb().$type<Record<string, TFeatureScore>>().notNull(),
  },
  (t) => [unique().on(t.runId, t.nodeId), index().on(t.projectId, t.modelName, t.checkedAt)],
);

/** what a rule watches: any feature's PSI, or the number of drifted features, against its threshold */
export const ALERT_METRICS = ['feature_psi', 'drifted_features'] as const;
export const alertMetricEnum = pgEnum('alert_metric', ALERT_METRICS);

export const alertRules = pgTable(
  'alert_rules',
  {
    id: id(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    modelName: text().notNull(),
    name: text().notNull(),
    metric: alertMetricEnum().notNull(),
    /** a check breaches when its metric is above this */
    threshold: doublePrecision().notNull(),
    /** the rule fires when this many checks in a row breach (once per streak) */
    consecutive: integer().notNull().default(1),
    /** the project secret holding the webhook URL to notify; none: recorded only */
    notifySecret: text(),
    /** the pipeline (its latest version) started when the rule fires, with the checked data */
    retrainPipelineId: uuid().references(() => pipelines.id, { onDelete: 'set null' }),
    /** the retraining run's parameter that receives the current data's artifact hash */
    retrainParameter: text(),
    enabled: boolean().notNull().default(true),
    /** the retraining run's requester (its gates' four-eyes rule applies to them) */
    createdBy: text()
      .notNull()
      .references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.projectId, t.modelName, t.name)],
);

/**
 * Where an alert's dispatch (its retraining run and webhook) stands: `pending` until its dispatch
 * workflow has settled both (a pending alert with no workflow is started again by the control
 * worker's sweep, so none is lost), then `done`, or `failed` when a part gave up.
 */
export const ALERT_DISPATCH_STATES = ['pending', 'done', 'failed'] as const;
export const alertDispatchEnum = pgEnum('alert_dispatch', ALERT_DISPATCH_STATES);

/** A rule that fired on a check; what was done about it (webhook, retraining run) is recorded on it. */
export const alerts = pgTable(
  'alerts',
  {
    id: id(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    ruleId: uuid()
      .notNull()
      .references(() => alertRules.id, { onDelete: 'cascade' }),
    checkId: uuid()
      .notNull()
      .references(() => modelChecks.id, { onDelete: 'cascade' }),
    modelName: text().notNull(),
    message: text().notNull(),
    firedAt: createdAt(),
    notifiedAt: timestamp({ withTimezone: true }),
    notifyError: text(),
    retrainRunId: uuid().references(() => runs.id, { onDelete: 'set null' }),
    retrainError: text(),
    dispatch: alertDispatchEnum().notNull().default('pending'),
    /** attempts made so far to start the retraining run / to notify (the errors are the last attempt's) */
    retrainAttempts: integer().notNull().default(0),
    notifyAttempts: integer().notNull().default(0),
  },
  (t) => [unique().on(t.ruleId, t.checkId), index().on(t.projectId, t.modelName, t.firedAt), index().on(t.retrainRunId), index().on(t.dispatch, t.firedAt)],
);
