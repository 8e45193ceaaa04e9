import { and, eq, ne } from 'drizzle-orm';
import { session } from '../../../drizzle/schema';
import type { TDatabase, TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';

/** The caller's own session: only a request signed in through a browser session has one. */
export function requireSessionId(sessionId: string | undefined): string {
  if (!sessionId) throw new AppError('BAD_REQUEST', 'This needs a signed-in session');
  return sessionId;
}

/** Deletes every session of the user but the caller's: those browsers are signed out on their next request. */
export async function endOtherSessions(tx: TDbOrTx, params: { userId: string; sessionId: string }): Promise<number> {
  const ended = await tx
    .delete(session)
    .where(and(eq(session.userId, params.userId), ne(session.id, params.sessionId)))
    .returning({ id: session.id });
  return ended.length;
}

export async function signOutOtherSessions(db: TDatabase, params: { userId: string; sessionId: string | undefined }) {
  const sessionId = requireSessionId(params.sessionId);
  return db.transaction(async (tx) => {
    const sessionsEnded = await endOtherSessions(tx, { userId: params.userId, sessionId });
    await recordAudit(tx, { projectId: null, actor: params.userId, action: 'account.sign_out_others', targetType: 'user', targetId: params.userId, details: { sessionsEnded } });
    return { sessionsEnded };
  });
}
