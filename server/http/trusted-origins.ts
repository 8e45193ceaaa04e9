import { localHostnames } from './local-hosts';

/** The app's public URL: BETTER_AUTH_URL, else the local instance's. */
export const appUrl = (env: NodeJS.ProcessEnv = process.env): string => env.BETTER_AUTH_URL ?? `http://localhost:${env.WEFT_PORT ?? 3000}`;

/**
 * Origins that may sign in and call mutations: the app URL's, and for a local instance (no
 * BETTER_AUTH_URL) the same port under each local hostname. One list for better-auth and tRPC.
 */
export function trustedOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.BETTER_AUTH_URL) return [new URL(env.BETTER_AUTH_URL).origin];
  const port = env.WEFT_PORT ?? '3000';
  return localHostnames().map((host) => `http://${host}:${port}`);
}
