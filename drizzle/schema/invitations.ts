import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { createdAt, id } from './columns';
import { projects, roleEnum } from './projects';

/**
 * An invitation to join a project with a role, bound to one e-mail address. Only the sha256 of its
 * token is stored: the link is shown to the inviter once (and mailed), never readable again.
 * Pending while neither accepted nor revoked and not past `expiresAt`.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** lower case */
    email: text().notNull(),
    role: roleEnum().notNull(),
    tokenHash: text().notNull().unique(),
    invitedBy: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedBy: text().references(() => user.id, { onDelete: 'set null' }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.projectId, t.email)],
);
