import type { projectSecrets } from '../../../drizzle/schema';
import { open, seal, type TSealed } from './envelope';
import type { TKeyring } from './master-key';

type TSecretRef = { projectId: string; name: string };

/** A value is bound to its project and name: a row moved to another one no longer opens. */
const context = (ref: TSecretRef) => `weft-secret\0${ref.projectId}\0${ref.name}`;

/** The columns stored for a value (project_secrets): encrypted, never plaintext. */
export function sealSecret(keyring: TKeyring, ref: TSecretRef, value: string): TSealed {
  return seal(keyring.current, value, context(ref));
}

export function openSecret(keyring: TKeyring, row: Pick<typeof projectSecrets.$inferSelect, keyof TSealed | 'projectId' | 'name'>): string {
  try {
    return open(keyring, row, context(row));
  } catch (error) {
    throw new Error(`Secret "${row.name}" cannot be decrypted: ${(error as Error).message}`);
  }
}
