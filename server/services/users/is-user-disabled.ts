import { eq } from 'drizzle-orm';
import { user } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';

export const DISABLED_MESSAGE = 'This account is disabled; ask a platform admin';

export async function isUserDisabled(db: TDbOrTx, userId: string): Promise<boolean> {
  const [row] = await db.select({ disabledAt: user.disabledAt }).from(user).where(eq(user.id, userId));
  return Boolean(row?.disabledAt);
}
