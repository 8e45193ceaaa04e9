import { bigint, char, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';
import { projects } from './projects';
import { runs } from './runs';
import { trackingRuns } from './tracking';

// The model registry, shaped after MLflow's (model_registry.proto) so that its REST API
// (server/services/registry) is a thin adapter. Times are epoch milliseconds, as MLflow has them.

/** the alias a new model guards unless its admins say otherwise: moving it needs an approval */
export const DEFAULT_PROTECTED_ALIASES = ['champion'];

const epochMs = () => bigint({ mode: 'number' });

/** A registered model of a project; names are unique per project. */
export const registeredModels = pgTable(
  'registered_models',
  {
    id: id(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    description: text().notNull().default(''),
    /** aliases that move only through an approved promotion (four-eyes) */
    protectedAliases: text().array().notNull().default(DEFAULT_PROTECTED_ALIASES),
    /** the highest version number ever given: a deleted version's number is never given again (as in MLflow) */
    lastVersion: integer().notNull().default(0),
    creationTime: epochMs().notNull(),
    lastUpdatedTime: epochMs().notNull(),
  },
  (t) => [unique().on(t.projectId, t.name)],
);

const modelRef = () =>
  uuid()
    .notNull()
    .references(() => registeredModels.id, { onDelete: 'cascade' });

export const registeredModelTags = pgTable('registered_model_tags', { modelId: modelRef(), key: text().notNull(), value: text().notNull() }, (t) => [
  primaryKey({ columns: [t.modelId, t.key] }),
]);

/** A version of a model: numbered 1, 2, … per model, never reused; always READY (Weft copies no files). */
export const modelVersions = pgTable(
  'model_versions',
  {
    id: id(),
    modelId: modelRef(),
    version: integer().notNull(),
    /** where its files are: `runs:/<run_id>/<path>`, `models:/…` or `mlflow-artifacts:/…` */
    source: text().notNull(),
    runId: text().references(() => trackingRuns.runUuid, { onDelete: 'set null' }),
    /**
     * Registered by a pipeline's "Register model" step: the Weft run and the node whose output it
     * is (kept even when that step logged no tracking run), and the artifact's sha256 in the store.
     */
    weftRunId: uuid().references(() => runs.id, { onDelete: 'set null' }),
    weftNodeId: text(),
    artifactSha256: char({ length: 64 }),
    description: text().notNull().default(''),
    /** MLflow's (deprecated, still used) stage: None, Staging, Production or Archived */
    currentStage: text().notNull().default('None'),
    /** who registered it (the caller, not the client's word) */
    userId: text().notNull(),
    creationTime: epochMs().notNull(),
    lastUpdatedTime: epochMs().notNull(),
  },
  (t) => [unique().on(t.modelId, t.version), index().on(t.artifactSha256), index().on(t.runId)],
);

export const modelVersionTags = pgTable(
  'model_version_tags',
  {
    versionId: uuid()
      .notNull()
      .references(() => modelVersions.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    value: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.key] })],
);

/** An alias names one version of its model (MLflow's rule: moving it takes it from the version that held it). */
export const modelAliases = pgTable(
  'model_aliases',
  {
    modelId: modelRef(),
    alias: text().notNull(),
    versionId: uuid()
      .notNull()
      .references(() => modelVersions.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.alias] })],
);
