import type { TRole } from '../services/access/roles';
import type { THarness } from './harness';
import { resultOf, type sessionApi } from './session-api';

export const COLLEAGUE_PASSWORD = 'correct horse battery';
let seq = 0;

export const newEmail = () => `colleague-${Date.now()}-${seq++}@example.com`;
export const tokenOf = (link: string) => link.split('/invite/')[1]!;

/** A colleague the harness's admin invited with `role`, who signed up through the link and signed in (a real session). */
export async function signedUpColleague(h: THarness, sessions: ReturnType<typeof sessionApi>, role: TRole = 'viewer') {
  const email = newEmail();
  const { link } = await h.as('admin').invitations.create({ projectId: h.projectId, email, role });
  await h.as('outsider').invitations.acceptAsNewUser({ token: tokenOf(link), name: 'Colleague', password: COLLEAGUE_PASSWORD });
  const { status, cookie } = await sessions.signIn(email, COLLEAGUE_PASSWORD);
  if (status !== 200) throw new Error(`the colleague could not sign in: ${status}`);
  const me = resultOf<{ user: { id: string } }>(await sessions.query(cookie, 'me.get'));
  return { email, cookie, userId: me.user.id };
}
