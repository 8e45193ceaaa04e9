import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { projects } from './projects';

/** Append-only (a trigger refuses UPDATE and DELETE): every decision and create/save/run/schedule action. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    projectId: uuid().references(() => projects.id, { onDelete: 'set null' }),
    /** user id, or `system:<what>` for actions the platform takes itself */
    actor: text().notNull(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    at: createdAt(),
  },
  (t) => [index().on(t.projectId, t.at)],
);

/**
 * Refused calls per actor and minute. The first few of a minute become audit rows; the rest are
 * only counted here, so a caller who is refused in a loop cannot flood the audit log.
 */
export const refusedCallCounts = pgTable(
  'refused_call_counts',
  {
    actor: text().notNull(),
    minute: timestamp({ withTimezone: true }).notNull(),
    refused: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.actor, t.minute] })],
);
