import { asc, eq } from 'drizzle-orm';
import { memberships, user } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';

/** A project's members and their roles (any member may see who their colleagues are). */
export async function listMembers(db: TDatabase, projectId: string) {
  const rows = await db
    .select({ userId: user.id, name: user.name, email: user.email, role: memberships.role, disabledAt: user.disabledAt, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(eq(memberships.projectId, projectId))
    .orderBy(asc(user.email));
  return rows.map(({ disabledAt, ...member }) => ({ ...member, disabled: disabledAt !== null }));
}
