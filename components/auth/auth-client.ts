import { createAuthClient } from 'better-auth/react';

/** better-auth's client; same origin as the app, so no baseURL. */
export const authClient = createAuthClient();
