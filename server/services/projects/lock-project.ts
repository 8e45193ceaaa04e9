import { eq } from 'drizzle-orm';
import { projects } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { notFound } from '../../errors';

/**
 * Locks the project's row for the rest of the transaction: changes to a project and to its
 * memberships run one after the other, so two concurrent demotions cannot both see a second admin.
 */
export async function lockProject(tx: TDbOrTx, projectId: string) {
  const [row] = await tx.select().from(projects).where(eq(projects.id, projectId)).for('update');
  if (!row) throw notFound('Project');
  return row;
}
