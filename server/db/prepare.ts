import { createDatabase } from './client';
import { runMigrations } from './migrate';
import { seedIfEmpty, type TSeededUser } from './seed';

/** Migrations, then the one-time seed. Used by `npm run dev`, the test setup and the e2e stack. */
export async function prepareDatabase(url: string): Promise<{ seededUsers?: TSeededUser[] }> {
  const { db, pool } = createDatabase(url, 2);
  try {
    await runMigrations(db);
    const seededUsers = await seedIfEmpty(db, { password: process.env.WEFT_SEED_PASSWORD });
    return seededUsers ? { seededUsers } : {};
  } finally {
    await pool.end();
  }
}
