import { asc, eq } from 'drizzle-orm';
import { projectSecrets, user } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';

/** A project's secrets by name, with who saved each last and when; never a value, not even encrypted. */
export async function listSecrets(db: TDbOrTx, projectId: string) {
  return db
    .select({ name: projectSecrets.name, updatedAt: projectSecrets.updatedAt, updatedBy: user.name })
    .from(projectSecrets)
    .leftJoin(user, eq(user.id, projectSecrets.updatedBy))
    .where(eq(projectSecrets.projectId, projectId))
    .orderBy(asc(projectSecrets.name));
}
