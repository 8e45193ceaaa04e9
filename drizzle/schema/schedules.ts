import { boolean, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { TParameterValue } from '../../workflows/dsl';
import { user } from './auth';
import { createdAt, id } from './columns';
import { pipelines, pipelineVersions } from './pipelines';
import { projects } from './projects';

/** Mirrors a Temporal Schedule (id `sched-<id>`), which holds the truth about timing. */
export const schedules = pgTable('schedules', {
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
  name: text().notNull(),
  cron: text(),
  intervalSeconds: integer(),
  timezone: text().notNull().default('UTC'),
  paused: boolean().notNull().default(false),
  /** the parameter values its runs get (the version's defaults filled in) */
  params: jsonb().$type<Record<string, TParameterValue>>().notNull().default({}),
  createdBy: text().references(() => user.id),
  createdAt: createdAt(),
});
