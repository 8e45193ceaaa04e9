import { AppError } from '../../../errors';

// MLflow's page tokens are opaque to clients: ours is the offset of the next page, base64 JSON.

export const encodePageToken = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString('base64url');

export function decodePageToken(token: string | undefined): number {
  if (!token) return 0;
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown };
    if (typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0) return offset;
  } catch {
    // falls through to the error below
  }
  throw new AppError('BAD_REQUEST', 'page_token: not a page token this server gave out');
}
