import { pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { createdAt, id } from './columns';
import { projects } from './projects';
import { runs } from './runs';

export const approvalStatusEnum = pgEnum('approval_status', ['pending', 'approved', 'rejected', 'expired', 'cancelled']);

/** A run gate waiting for a decision; one per (run, node). */
export const approvals = pgTable(
  'approvals',
  {
    id: id(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    runId: uuid()
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text().notNull(),
    status: approvalStatusEnum().notNull().default('pending'),
    instructions: text().notNull().default(''),
    /** whom the run is on behalf of (who started it, or its schedule's creator): they may not approve it (four-eyes) */
    requestedBy: text().references(() => user.id),
    decidedBy: text().references(() => user.id),
    comment: text(),
    createdAt: createdAt(),
    decidedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique().on(t.runId, t.nodeId)],
);
