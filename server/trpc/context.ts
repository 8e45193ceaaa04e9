import { sessionUser, type TSessionUser } from '../auth/session';
import { getDb, type TDatabase } from '../db/client';
import { getTemporalClient } from '../temporal/client';
import type { Client } from '@temporalio/client';

export type TContext = { db: TDatabase; temporal: Client; user: TSessionUser | null };

export async function createContext(opts: { headers: Headers }): Promise<TContext> {
  return { db: getDb(), temporal: getTemporalClient(), user: await sessionUser(opts.headers) };
}
