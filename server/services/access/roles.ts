import { and, eq } from 'drizzle-orm';
import { memberships, projects, ROLES } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';

export type TRole = (typeof ROLES)[number];

/** Roles are ordered: each one can do everything the roles before it can. */
export const roleRank = (role: TRole) => ROLES.indexOf(role);

export const ARCHIVED_MESSAGE = 'This project is archived: it keeps its runs but accepts no changes';

/** The user's role in the project and whether the project is archived; null for a non-member. Read from Postgres on every call. */
export async function findAccess(db: TDbOrTx, userId: string, projectId: string): Promise<{ role: TRole; archived: boolean } | null> {
  const [row] = await db
    .select({ role: memberships.role, archivedAt: projects.archivedAt })
    .from(memberships)
    .innerJoin(projects, eq(projects.id, memberships.projectId))
    .where(and(eq(memberships.userId, userId), eq(memberships.projectId, projectId)));
  return row ? { role: row.role, archived: row.archivedAt !== null } : null;
}

/**
 * FORBIDDEN unless the user holds at least `minRole` in the project (non-members learn nothing
 * more); CONFLICT for a write to an archived project.
 */
export async function requireRole(db: TDbOrTx, userId: string, projectId: string, minRole: TRole, opts: { write?: boolean } = {}): Promise<TRole> {
  const access = await findAccess(db, userId, projectId);
  if (!access || roleRank(access.role) < roleRank(minRole)) {
    throw new AppError('FORBIDDEN', `This needs the ${minRole} role in the project`);
  }
  if (opts.write && access.archived) throw new AppError('CONFLICT', ARCHIVED_MESSAGE);
  return access.role;
}
