import { sessionUser, type TSessionUser } from '../auth/session';
import { getDb, type TDatabase } from '../db/client';
import type { TRequestSource } from '../http/request-source';
import { getTemporalClient } from '../temporal/client';
import type { Client } from '@temporalio/client';

export type TContext = {
  db: TDatabase;
  temporal: Client;
  user: TSessionUser | null;
  /** where an HTTP request comes from; absent for calls made inside the server (createCaller) */
  source?: TRequestSource;
};

export async function createContext(opts: { headers: Headers }): Promise<Omit<TContext, 'source'>> {
  return { db: getDb(), temporal: getTemporalClient(), user: await sessionUser(opts.headers) };
}
