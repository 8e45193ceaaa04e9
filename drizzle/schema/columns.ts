import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column helpers: every domain table has a uuid id and creation time. */
export const id = () => uuid().primaryKey().defaultRandom();
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
