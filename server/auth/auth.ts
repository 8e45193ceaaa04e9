import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import * as schema from '../../drizzle/schema';
import { getDb, type TDatabase } from '../db/client';
import { appUrl, trustedOrigins } from '../http/trusted-origins';
import { DISABLED_MESSAGE, isUserDisabled } from '../services/users/is-user-disabled';

export function createAuth(db: TDatabase, env: Partial<Record<string, string>> = process.env) {
  return betterAuth({
    baseURL: appUrl(env),
    secret: env.BETTER_AUTH_SECRET,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    // Accounts are created by accepting an invitation (and by the seed), never by self sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true },
    // read with every session from Postgres, so a request of a disabled user is refused (session.ts)
    user: { additionalFields: { disabledAt: { type: 'date', required: false, input: false } } },
    // Disabling deletes a user's sessions; this refuses the new one a sign-in would create.
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            if (await isUserDisabled(db, session.userId)) throw new APIError('FORBIDDEN', { message: DISABLED_MESSAGE });
          },
        },
      },
    },
    trustedOrigins: trustedOrigins(env),
    telemetry: { enabled: false },
    // Sign-in is rate limited per client address; the e2e stack signs in many times a minute from
    // one address and turns it off with WEFT_AUTH_RATE_LIMIT=off.
    rateLimit: { enabled: env.WEFT_AUTH_RATE_LIMIT !== 'off' },
    // The address is the one X-Forwarded-For holds after Weft's web server (server/http/web-server.ts)
    // replaced it with the client's real address; a client-sent value never reaches this far.
    advanced: { ipAddress: { ipAddressHeaders: ['x-forwarded-for'] } },
    plugins: [nextCookies()],
  });
}

const cache = globalThis as unknown as { weftAuth?: ReturnType<typeof createAuth> };

/** Created lazily so that importing this module never needs a database (e.g. during `next build`). */
export function getAuth() {
  cache.weftAuth ??= createAuth(getDb());
  return cache.weftAuth;
}
