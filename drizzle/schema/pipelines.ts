import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { TPipelineSpec, TPlan } from '../../workflows/dsl';
import { user } from './auth';
import { createdAt, id, updatedAt } from './columns';
import { projects } from './projects';

export const pipelines = pgTable(
  'pipelines',
  {
    id: id(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    description: text().notNull().default(''),
    /** the autosaved working spec (the draft) */
    draft: jsonb().$type<TPipelineSpec>().notNull(),
    /** free labels to find pipelines by (the list filters on them) */
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    createdBy: text().references(() => user.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** archived (soft-deleted): hidden from the list, cannot run; its versions and runs are kept */
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique().on(t.projectId, t.name), index('pipelines_project_lower_name_idx').on(t.projectId, sql`lower(${t.name})`)],
);

/** Immutable: spec, plan and hash never change once a version is saved. */
export const pipelineVersions = pgTable(
  'pipeline_versions',
  {
    id: id(),
    pipelineId: uuid()
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    message: text().notNull().default(''),
    spec: jsonb().$type<TPipelineSpec>().notNull(),
    plan: jsonb().$type<TPlan>().notNull(),
    planHash: text().notNull(),
    createdBy: text().references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.pipelineId, t.number), index().on(t.pipelineId)],
);
