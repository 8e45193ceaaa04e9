import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { TKeyring, TMasterKey } from './master-key';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What is stored of one secret (the project_secrets columns): no plaintext, no data key in clear. */
export type TSealed = { ciphertext: Buffer; iv: Buffer; tag: Buffer; wrappedKey: Buffer; keyId: string };

/**
 * Envelope encryption: the value under a fresh data key, the data key under the master key. Both
 * bind `context` (the project and name) as associated data, so a row copied to another project or
 * name does not open.
 */
export function seal(master: TMasterKey, plaintext: string, context: string): TSealed {
  const dataKey = randomBytes(32);
  const value = encrypt(dataKey, Buffer.from(plaintext, 'utf8'), context);
  const wrapped = encrypt(master.key, dataKey, `${context}\0${master.id}`);
  dataKey.fill(0);
  return { ...value, wrappedKey: Buffer.concat([wrapped.iv, wrapped.tag, wrapped.ciphertext]), keyId: master.id };
}

/** The value, or an error naming what is wrong (an unknown master key, a tampered row). */
export function open(keyring: TKeyring, sealed: TSealed, context: string): string {
  const master = keyring.byId.get(sealed.keyId);
  if (!master) throw new Error(`encrypted with master key ${sealed.keyId}, which is neither WEFT_SECRETS_KEY nor in WEFT_SECRETS_PREVIOUS_KEYS`);
  const wrapped = sealed.wrappedKey;
  const dataKey = decrypt(master.key, { iv: wrapped.subarray(0, IV_BYTES), tag: wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES), ciphertext: wrapped.subarray(IV_BYTES + TAG_BYTES) }, `${context}\0${master.id}`);
  try {
    return decrypt(dataKey, sealed, context).toString('utf8');
  } finally {
    dataKey.fill(0);
  }
}

function encrypt(key: Buffer, plaintext: Buffer, aad: string) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES }).setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, iv, tag: cipher.getAuthTag() };
}

function decrypt(key: Buffer, box: { ciphertext: Buffer; iv: Buffer; tag: Buffer }, aad: string): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, box.iv, { authTagLength: TAG_BYTES }).setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(box.tag);
  return Buffer.concat([decipher.update(box.ciphertext), decipher.final()]);
}
