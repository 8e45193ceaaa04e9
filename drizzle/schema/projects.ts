import { pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { createdAt, id } from './columns';
import { teams } from './teams';

export const ROLES = ['viewer', 'editor', 'approver', 'admin'] as const;
export const roleEnum = pgEnum('role', ROLES);

export const projects = pgTable('projects', {
  id: id(),
  name: text().notNull(),
  slug: text().notNull().unique(),
  /** the team its runs are attributed to (fair share, quotas, GPU accounting); none: "unassigned" */
  teamId: uuid().references(() => teams.id, { onDelete: 'set null' }),
  /** archived (by a platform admin): gone from every list, refuses writes, keeps its runs */
  archivedAt: timestamp({ withTimezone: true }),
  createdAt: createdAt(),
});

/** A user's role in one project; roles are checked on the server by tRPC middleware. */
export const memberships = pgTable(
  'memberships',
  {
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: roleEnum().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] })],
);
