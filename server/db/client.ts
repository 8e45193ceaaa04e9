import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import * as schema from '../../drizzle/schema';

export type TDatabase = NodePgDatabase<typeof schema>;
/** A transaction handle has the same query API as the database. */
export type TDbOrTx = TDatabase | Parameters<Parameters<TDatabase['transaction']>[0]>[0];

/**
 * How long an idle connection is kept. pg's default (10 s) closed and reopened connections between
 * bursts of runs: each reopening costs a backend process, a SCRAM handshake (PBKDF2 on both sides)
 * and cold catalog caches, ~3 ms of PostgreSQL CPU per run under load (measured, 100 concurrent
 * runs with 10 s between bursts), and the first click of Run after a pause paid it too.
 */
const IDLE_CONNECTION_MS = 5 * 60_000;

export function createDatabase(url: string, max = 10): { db: TDatabase; pool: Pool } {
  // (idle connections keep no process alive: one that is done exits without ending its pool)
  const pool = new Pool({ connectionString: url, max, idleTimeoutMillis: IDLE_CONNECTION_MS, allowExitOnIdle: true });
  // A client losing its server (Postgres restart) must not crash the process: pg-pool listens for
  // errors of idle clients only, so checked-out ones (inside a transaction) need their own listener.
  // The query in flight still fails (the activity retries) and the pool drops the broken client.
  pool.on('error', (error) => console.warn('[weft] postgres pool error:', error.message));
  pool.on('connect', (client) => client.on('error', (error) => console.warn('[weft] postgres client error:', error.message)));
  return { db: drizzle(pool, { schema, casing: 'snake_case' }), pool };
}

const cache = globalThis as unknown as { weftDb?: { db: TDatabase; pool: Pool } };

/** The process-wide database (cached on globalThis so Next dev reloads reuse one pool). */
export function getDb(): TDatabase {
  if (!cache.weftDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set');
    cache.weftDb = createDatabase(url);
  }
  return cache.weftDb.db;
}
