import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { createdAt, id } from './columns';
import { projects } from './projects';

export const API_TOKEN_ROLES = ['viewer', 'editor'] as const;
export const apiTokenRoleEnum = pgEnum('api_token_role', API_TOKEN_ROLES);

/**
 * Personal API tokens (MLflow clients send one as a Bearer token). Only the sha256 of the token is
 * kept; it acts for its user in one project with at most its role, and never more than the user's
 * role there now (read on every request).
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    role: apiTokenRoleEnum().notNull(),
    /** sha256 (hex) of the token: a stolen table lets nobody in */
    tokenHash: text().notNull().unique(),
    /** the token's first characters, shown in lists so that its owner recognises it */
    prefix: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId, t.projectId)],
);
