import { localHostnames } from './local-hosts';

/** The app's public URL: BETTER_AUTH_URL, else the local instance's. */
export const appUrl = (env: Partial<Record<string, string>> = process.env): string => env.BETTER_AUTH_URL ?? `http://localhost:${env.WEFT_PORT ?? 3000}`;

/**
 * Origins that may sign in and call mutations (one list for better-auth and tRPC): the app URL's,
 * and when that is a local instance (localhost, 127.0.0.1, this machine's name) the same port
 * under each of those names, since people open a local instance by any of them.
 */
export function trustedOrigins(env: Partial<Record<string, string>> = process.env): string[] {
  const url = new URL(appUrl(env));
  const local = localHostnames();
  if (!local.includes(url.hostname)) return [url.origin];
  return local.map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`);
}
