import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { weftDir } from './state-dir';

/**
 * `variable` from the environment, else a random 32 bytes (hex) generated once into
 * `.weft/<file>` (0600), so that what it protects (sessions, encrypted secrets) survives restarts.
 */
export function stateSecret(variable: string, file: string): string {
  const given = process.env[variable];
  if (given) return given;
  const where = path.join(weftDir, file);
  if (existsSync(where)) {
    const stored = readFileSync(where, 'utf8').trim();
    if (stored) return stored;
  }
  const secret = randomBytes(32).toString('hex');
  mkdirSync(weftDir, { recursive: true });
  writeFileSync(where, secret + '\n', { mode: 0o600 });
  return secret;
}
