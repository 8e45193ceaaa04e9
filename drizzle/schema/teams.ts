import { pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { createdAt, id } from './columns';

/** Teams share pools: runs are attributed to their project's team (fair share, quotas, accounting). */
export const teams = pgTable('teams', {
  id: id(),
  name: text().notNull().unique(),
  createdAt: createdAt(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid()
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

/** Users who manage the platform itself (pools, teams); project roles stay per project. */
export const platformAdmins = pgTable('platform_admins', {
  userId: text()
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});
