import { and, eq } from 'drizzle-orm';
import { registeredModels } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { notFound } from '../../errors';
import { recordAudit } from '../audit/record-audit';

/** Which aliases of a model move only through an approved promotion (the caller is a project admin: checked by its procedure). */
export async function setProtectedAliases(db: TDatabase, params: { projectId: string; name: string; aliases: string[]; userId: string }) {
  const aliases = [...new Set(params.aliases)].sort();
  return db.transaction(async (tx) => {
    const [model] = await tx
      .update(registeredModels)
      .set({ protectedAliases: aliases, lastUpdatedTime: Date.now() })
      .where(and(eq(registeredModels.projectId, params.projectId), eq(registeredModels.name, params.name)))
      .returning({ id: registeredModels.id });
    if (!model) throw notFound('Registered model');
    await recordAudit(tx, { projectId: params.projectId, actor: params.userId, action: 'model.protected_aliases.set', targetType: 'registered_model', targetId: model.id, details: { aliases } });
    return { protectedAliases: aliases };
  });
}
