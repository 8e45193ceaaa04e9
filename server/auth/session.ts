import { getAuth } from './auth';

export type TSessionUser = { id: string; name: string; email: string };

/** The signed-in user of a request, or null. */
export async function sessionUser(headers: Headers): Promise<TSessionUser | null> {
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const { id, name, email } = session.user;
  return { id, name, email };
}
