import { customType, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { createdAt, id, updatedAt } from './columns';
import { projects } from './projects';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * A project's secrets, encrypted at rest (envelope encryption, server/services/secrets/envelope.ts):
 * the value under a data key of its own (AES-256-GCM), the data key wrapped by the master key
 * (WEFT_SECRETS_KEY) named by `keyId`, so that the master key can be rotated. Never plaintext.
 */
export const projectSecrets = pgTable(
  'project_secrets',
  {
    id: id(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** an environment variable name (workflows/dsl/secret-names.ts) */
    name: text().notNull(),
    ciphertext: bytea().notNull(),
    iv: bytea().notNull(),
    tag: bytea().notNull(),
    /** the data key, encrypted by the master key: its iv and tag followed by its ciphertext */
    wrappedKey: bytea().notNull(),
    /** which master key wrapped it (a fingerprint, not the key) */
    keyId: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: text().references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [unique().on(t.projectId, t.name)],
);
