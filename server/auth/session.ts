import { getAuth } from './auth';

export type TSessionUser = { id: string; name: string; email: string };
export type TSignedIn = { user: TSessionUser; sessionId: string };

/**
 * The signed-in user of a request and their session, or null. better-auth reads the session and
 * its user from Postgres on every call (no cookie cache is configured), so a deleted session or a
 * disabled user is refused on the very next request.
 */
export async function signedIn(headers: Headers, auth: Pick<ReturnType<typeof getAuth>, 'api'> = getAuth()): Promise<TSignedIn | null> {
  const session = await auth.api.getSession({ headers });
  if (!session || session.user.disabledAt) return null;
  const { id, name, email } = session.user;
  return { user: { id, name, email }, sessionId: session.session.id };
}
