import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'weft_pat_';

/** 32 random bytes behind a recognisable prefix (secret scanners and people can tell what leaked). */
export const newApiToken = (): string => `${PREFIX}${randomBytes(32).toString('base64url')}`;

/** Only this is stored: a database reader cannot turn a row back into a working token. */
export const hashApiToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** What lists show of a token: enough for its owner to recognise it, far too little to use it. */
export const tokenPrefix = (token: string): string => token.slice(0, PREFIX.length + 6);
