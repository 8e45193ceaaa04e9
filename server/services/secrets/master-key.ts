import { createHash } from 'node:crypto';

/** A master key and its id: a fingerprint stored with each secret (the key itself never is). */
export type TMasterKey = { id: string; key: Buffer };

/** The key that wraps new data keys, and every key that may still open older ones (rotation). */
export type TKeyring = { current: TMasterKey; byId: ReadonlyMap<string, TMasterKey> };

/** 32 bytes, as 64 hex digits or base64 (standard or URL-safe). */
export function parseMasterKey(text: string, variable = 'WEFT_SECRETS_KEY'): TMasterKey {
  const trimmed = text.trim();
  const hex = /^[0-9a-fA-F]{64}$/.test(trimmed);
  // (checked first: Buffer.from skips characters that are not base64 instead of failing)
  const base64 = /^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed);
  const key = hex ? Buffer.from(trimmed, 'hex') : Buffer.from(base64 ? trimmed : '', /[-_]/.test(trimmed) ? 'base64url' : 'base64');
  if (key.length !== 32) throw new Error(`${variable} must be 32 bytes, as 64 hex digits or base64 (e.g. \`openssl rand -hex 32\`)`);
  const id = createHash('sha256').update('weft-secrets-key-id\0').update(key).digest('hex').slice(0, 16);
  return { id, key };
}

/**
 * WEFT_SECRETS_KEY encrypts; WEFT_SECRETS_PREVIOUS_KEYS (comma-separated) only decrypt: to rotate,
 * make the new key current and list the old one there until every secret was saved again.
 */
export function keyringFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): TKeyring {
  const currentText = env.WEFT_SECRETS_KEY;
  if (!currentText) throw new Error('WEFT_SECRETS_KEY is not set: project secrets cannot be encrypted or read (npm run dev generates one into .weft/secrets-key)');
  const current = parseMasterKey(currentText);
  const previous = (env.WEFT_SECRETS_PREVIOUS_KEYS ?? '')
    .split(',')
    .filter((part) => part.trim())
    .map((part) => parseMasterKey(part, 'WEFT_SECRETS_PREVIOUS_KEYS'));
  return { current, byId: new Map([...previous, current].map((k) => [k.id, k])) };
}

const cache = globalThis as unknown as { weftKeyring?: TKeyring };

/** The process's keyring, read once (like the database, cached on globalThis for Next dev reloads). */
export function secretsKeyring(): TKeyring {
  cache.weftKeyring ??= keyringFromEnv();
  return cache.weftKeyring;
}
