import { describe, expect, it } from 'vitest';
import { logText, parseLog } from '../dsl/log-lines';
import { LogBuffer } from './log-buffer';
import { MASK, SecretMask } from './secret-mask';

const SECRET = 's3cr3t/value+with=odd chars&é';
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('SecretMask', () => {
  const mask = new SecretMask([SECRET]);
  const live = (text: string) => {
    const masked = mask.redact(text);
    return masked.slice(0, masked.length - mask.unfinished(masked));
  };

  it('hides the value and its base64 and URL-encoded forms', () => {
    for (const form of [SECRET, b64(SECRET), b64(SECRET).replace(/=+$/, ''), Buffer.from(SECRET).toString('base64url'), encodeURIComponent(SECRET), new URLSearchParams({ v: SECRET }).toString().slice(2)]) {
      expect(mask.redact(`before ${form} after`)).toBe(`before ${MASK} after`);
    }
  });

  it('hides the value inside a longer base64 text, at every byte alignment', () => {
    for (const prefix of ['', 'a', 'ab', 'TOKEN=']) {
      const encoded = b64(`${prefix}${SECRET}!`);
      expect(mask.redact(encoded)).toContain(MASK);
      // what is left around the mask cannot be decoded back to a piece of the value
      expect(mask.redact(encoded).length).toBeLessThan(encoded.length - 20);
    }
  });

  it('leaves other text alone, and masks every value given', () => {
    const two = new SecretMask(['first-secret', 'second-secret']);
    expect(two.redact('nothing here')).toBe('nothing here');
    expect(two.redact('first-secret and second-secret')).toBe(`${MASK} and ${MASK}`);
  });

  it('holds back the end of a live log that may be the start of a value', () => {
    expect(live(`line\n${SECRET.slice(0, 5)}`)).toBe('line\n');
    expect(live(`line\n${SECRET}`)).toBe(`line\n${MASK}`);
    expect(live('line\nno secret')).toBe('line\nno secret');
  });
});

describe('LogBuffer with a mask', () => {
  it('hides a value split across output chunks, in the live tail and the final log', () => {
    const log = new LogBuffer();
    log.hide(new SecretMask([SECRET]));
    log.append('token: ');
    log.append(SECRET.slice(0, 7));
    expect(logText(log.tail(100))).toBe('token: ');
    log.append(SECRET.slice(7));
    log.append('\n');
    expect(logText(log.tail(100))).toBe(`token: ${MASK}\n`);
    expect(logText(log.toString())).toBe(`token: ${MASK}\n`);
  });

  it('never keeps a piece of a value where old output is dropped', () => {
    const log = new LogBuffer(64);
    log.hide(new SecretMask([SECRET]));
    for (let i = 0; i < 20; i++) log.append(`${i} ${SECRET} `);
    const text = log.toString();
    expect(text).toContain('earlier characters dropped');
    for (let n = 6; n < SECRET.length; n++) expect(text).not.toContain(SECRET.slice(-n));
  });

  it('hides a value printed across lines, the lines it joins keeping the first one\'s time', () => {
    const key = '-----BEGIN KEY-----\nMIIEabc\n-----END KEY-----';
    let now = 1_000;
    const log = new LogBuffer(1024, () => now++);
    log.hide(new SecretMask([key]));
    log.append('before\n');
    for (const line of key.split('\n')) log.append(`${line}\n`);
    log.append('after\n');
    const lines = parseLog(log.toString());
    expect(lines.map((l) => l.text)).toEqual(['before', MASK, 'after', '']);
    expect(lines.map((l) => l.at)).toEqual([1_000, 1_001, 1_004, null]);
    expect(logText(log.tail(1024))).toBe(`before\n${MASK}\nafter\n`);
  });
});
