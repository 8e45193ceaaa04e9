import { index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
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
    createdBy: text().references(() => user.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique().on(t.projectId, t.name)],
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
