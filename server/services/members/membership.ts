import { and, count, eq, ne } from 'drizzle-orm';
import { memberships, user } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';
import { lockProject } from '../projects/lock-project';

/**
 * The member's row, read after locking the project: every membership change of a project holds
 * that lock, so the admin count read next cannot change before the transaction ends.
 */
export async function lockedMembership(tx: TDbOrTx, projectId: string, userId: string) {
  await lockProject(tx, projectId);
  const [row] = await tx
    .select({ role: memberships.role, email: user.email })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)));
  if (!row) throw new AppError('NOT_FOUND', 'userId: not a member of this project');
  return row;
}

/** A project never loses its last admin: someone must be able to manage its members. */
export async function requireAnotherAdmin(tx: TDbOrTx, projectId: string, userId: string, email: string): Promise<void> {
  const [others] = await tx
    .select({ admins: count() })
    .from(memberships)
    .where(and(eq(memberships.projectId, projectId), eq(memberships.role, 'admin'), ne(memberships.userId, userId)));
  if (others!.admins === 0) throw new AppError('CONFLICT', `${email} is the project's last admin: make another member admin first`);
}
