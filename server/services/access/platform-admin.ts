import { eq } from 'drizzle-orm';
import { platformAdmins } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';

export async function isPlatformAdmin(db: TDbOrTx, userId: string): Promise<boolean> {
  const [row] = await db.select({ userId: platformAdmins.userId }).from(platformAdmins).where(eq(platformAdmins.userId, userId));
  return Boolean(row);
}

/** Pools and teams are the platform's, not a project's: only platform admins change them. */
export async function requirePlatformAdmin(db: TDbOrTx, userId: string): Promise<void> {
  if (!(await isPlatformAdmin(db, userId))) throw new AppError('FORBIDDEN', 'This needs a platform admin');
}
