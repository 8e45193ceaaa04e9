import { z } from 'zod';
import { projectSecrets } from '../../../drizzle/schema';
import { ZSecretNameSchema } from '../../../workflows/dsl';
import type { TDatabase } from '../../db/client';
import { recordAudit } from '../audit/record-audit';
import type { TActor } from '../deps';
import { sealSecret } from './sealed-secret';
import { secretsKeyring } from './master-key';

export const MAX_SECRET_BYTES = 64 * 1024;

/**
 * A value of at least 4 characters: shorter ones cannot be told apart from ordinary text in a
 * step's log, so they could not be hidden there.
 */
export const ZSecretValueSchema = z
  .string()
  .min(4, 'A secret value has at least 4 characters (shorter ones cannot be hidden in logs)')
  .refine((value) => Buffer.byteLength(value, 'utf8') <= MAX_SECRET_BYTES, { message: `A secret value is at most ${MAX_SECRET_BYTES / 1024} KiB` });

export const ZSetSecretSchema = z.object({ name: ZSecretNameSchema, value: ZSecretValueSchema });

/** Creates or replaces a secret's value (encrypted); the audit entry names the secret, never its value. */
export async function setSecret(db: TDatabase, actor: TActor, params: { projectId: string } & z.infer<typeof ZSetSecretSchema>) {
  const sealed = sealSecret(secretsKeyring(), params, params.value);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projectSecrets)
      .values({ projectId: params.projectId, name: params.name, ...sealed, updatedBy: actor.userId })
      .onConflictDoUpdate({ target: [projectSecrets.projectId, projectSecrets.name], set: { ...sealed, updatedBy: actor.userId, updatedAt: new Date() } })
      .returning({ id: projectSecrets.id, createdAt: projectSecrets.createdAt, updatedAt: projectSecrets.updatedAt });
    const created = row!.createdAt.getTime() === row!.updatedAt.getTime();
    await recordAudit(tx, {
      projectId: params.projectId,
      actor: actor.userId,
      action: created ? 'secret.create' : 'secret.replace',
      targetType: 'secret',
      targetId: row!.id,
      details: { name: params.name, keyId: sealed.keyId },
    });
    return { name: params.name, updatedAt: row!.updatedAt };
  });
}
