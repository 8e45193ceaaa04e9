import { and, eq } from 'drizzle-orm';
import { memberships, ROLES } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';

export type TRole = (typeof ROLES)[number];

/** Roles are ordered: each one can do everything the roles before it can. */
export const roleRank = (role: TRole) => ROLES.indexOf(role);

export async function findRole(db: TDbOrTx, userId: string, projectId: string): Promise<TRole | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.projectId, projectId)));
  return row?.role ?? null;
}

/** FORBIDDEN unless the user holds at least `minRole` in the project. Non-members learn nothing more. */
export async function requireRole(db: TDbOrTx, userId: string, projectId: string, minRole: TRole): Promise<TRole> {
  const role = await findRole(db, userId, projectId);
  if (!role || roleRank(role) < roleRank(minRole)) {
    throw new AppError('FORBIDDEN', `This needs the ${minRole} role in the project`);
  }
  return role;
}
