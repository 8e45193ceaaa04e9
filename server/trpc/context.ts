import { signedIn, type TSessionUser } from '../auth/session';
import { getDb, type TDatabase } from '../db/client';
import type { TRequestSource } from '../http/request-source';
import { getTemporalClient } from '../temporal/client';
import type { Client } from '@temporalio/client';

export type TContext = {
  db: TDatabase;
  temporal: Client;
  user: TSessionUser | null;
  /** the caller's better-auth session (the account page keeps it when signing out the others); absent for calls made inside the server */
  sessionId?: string;
  /** where an HTTP request comes from; absent for calls made inside the server (createCaller) */
  source?: TRequestSource;
};

export async function createContext(opts: { headers: Headers }): Promise<Omit<TContext, 'source'>> {
  const session = await signedIn(opts.headers);
  return { db: getDb(), temporal: getTemporalClient(), user: session?.user ?? null, sessionId: session?.sessionId };
}
