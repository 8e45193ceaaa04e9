import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { TDatabase } from './client';

const migrationsFolder = path.resolve(import.meta.dirname, '../../drizzle/migrations');

export async function runMigrations(db: TDatabase): Promise<void> {
  await migrate(db, { migrationsFolder });
}
