import { and, desc, eq, gt } from 'drizzle-orm';
import { session } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';

/** The user's live sessions (never their tokens), the caller's own marked. */
export async function listSessions(db: TDatabase, params: { userId: string; sessionId: string | undefined }) {
  const rows = await db
    .select({ id: session.id, createdAt: session.createdAt, lastUsedAt: session.updatedAt, expiresAt: session.expiresAt, ipAddress: session.ipAddress, userAgent: session.userAgent })
    .from(session)
    .where(and(eq(session.userId, params.userId), gt(session.expiresAt, new Date())))
    .orderBy(desc(session.updatedAt));
  return rows.map((row) => ({ ...row, current: row.id === params.sessionId }));
}
