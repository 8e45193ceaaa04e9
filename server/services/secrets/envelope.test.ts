import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from './envelope';
import { keyringFromEnv, parseMasterKey } from './master-key';

const keyHex = randomBytes(32).toString('hex');
const keyring = keyringFromEnv({ WEFT_SECRETS_KEY: keyHex });

describe('envelope encryption', () => {
  it('round-trips a value, and stores neither it nor the data key in clear', () => {
    const sealed = seal(keyring.current, 'hunter2-value', 'p1/TOKEN');
    expect(open(keyring, sealed, 'p1/TOKEN')).toBe('hunter2-value');
    const stored = Buffer.concat([sealed.ciphertext, sealed.iv, sealed.tag, sealed.wrappedKey]);
    expect(stored.includes(Buffer.from('hunter2-value'))).toBe(false);
    expect(sealed.keyId).toBe(keyring.current.id);
    expect(sealed.keyId).not.toContain(keyHex.slice(0, 8));
  });

  it('uses a fresh data key and iv for every value', () => {
    const a = seal(keyring.current, 'same', 'p1/TOKEN');
    const b = seal(keyring.current, 'same', 'p1/TOKEN');
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(a.wrappedKey.equals(b.wrappedKey)).toBe(false);
  });

  it('refuses a row moved to another project or name, and a tampered one', () => {
    const sealed = seal(keyring.current, 'value', 'p1/TOKEN');
    expect(() => open(keyring, sealed, 'p2/TOKEN')).toThrow();
    const flipped = Buffer.from(sealed.ciphertext);
    flipped[0] = flipped[0]! ^ 1;
    expect(() => open(keyring, { ...sealed, ciphertext: flipped }, 'p1/TOKEN')).toThrow();
  });

  it('opens values of a previous master key after rotation, and names a key it lacks', () => {
    const old = seal(keyring.current, 'old value', 'p1/TOKEN');
    const newKey = randomBytes(32).toString('base64');
    const rotated = keyringFromEnv({ WEFT_SECRETS_KEY: newKey, WEFT_SECRETS_PREVIOUS_KEYS: keyHex });
    expect(open(rotated, old, 'p1/TOKEN')).toBe('old value');
    expect(seal(rotated.current, 'new', 'p1/TOKEN').keyId).not.toBe(old.keyId);
    const withoutOld = keyringFromEnv({ WEFT_SECRETS_KEY: newKey });
    expect(() => open(withoutOld, old, 'p1/TOKEN')).toThrow(old.keyId);
  });

  it('takes a 32-byte key as hex or base64, and refuses anything else', () => {
    const bytes = randomBytes(32);
    expect(parseMasterKey(bytes.toString('hex')).key.equals(bytes)).toBe(true);
    expect(parseMasterKey(bytes.toString('base64')).key.equals(bytes)).toBe(true);
    expect(parseMasterKey(bytes.toString('base64url')).key.equals(bytes)).toBe(true);
    for (const bad of ['short', randomBytes(16).toString('hex'), `${bytes.toString('base64').slice(0, -2)}!!`]) expect(() => parseMasterKey(bad)).toThrow('32 bytes');
    expect(() => keyringFromEnv({})).toThrow('WEFT_SECRETS_KEY is not set');
  });
});
