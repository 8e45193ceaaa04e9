import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import * as schema from '../../drizzle/schema';
import { getDb } from '../db/client';

function createAuth() {
  const baseURL = process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.WEFT_PORT ?? 3000}`;
  return betterAuth({
    baseURL,
    secret: process.env.BETTER_AUTH_SECRET,
    database: drizzleAdapter(getDb(), {
      provider: 'pg',
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    // Accounts are created by an admin (and the seed), never by self sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true },
    trustedOrigins: [baseURL],
    telemetry: { enabled: false },
    // Sign-in is rate limited (better-auth's default in production); the e2e stack signs in
    // many times a minute from one address and turns it off with WEFT_AUTH_RATE_LIMIT=off.
    rateLimit: { enabled: process.env.WEFT_AUTH_RATE_LIMIT !== 'off' },
    plugins: [nextCookies()],
  });
}

const cache = globalThis as unknown as { weftAuth?: ReturnType<typeof createAuth> };

/** Created lazily so that importing this module never needs a database (e.g. during `next build`). */
export function getAuth() {
  cache.weftAuth ??= createAuth();
  return cache.weftAuth;
}
