import { and, eq } from 'drizzle-orm';
import { projectSecrets } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { notFound } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TActor } from '../deps';

/** Deletes a secret; versions that name it stay, and their runs refuse to start until it is set again. */
export async function deleteSecret(db: TDatabase, actor: TActor, params: { projectId: string; name: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(projectSecrets)
      .where(and(eq(projectSecrets.projectId, params.projectId), eq(projectSecrets.name, params.name)))
      .returning({ id: projectSecrets.id });
    if (!row) throw notFound(`Secret "${params.name}"`);
    await recordAudit(tx, { projectId: params.projectId, actor: actor.userId, action: 'secret.delete', targetType: 'secret', targetId: row.id, details: { name: params.name } });
    return { name: params.name };
  });
}
