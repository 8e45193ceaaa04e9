import { eq, ilike, like, ne, not, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../../errors';

const CLAUSE = /^\s*(tags?\.(?:`[^`]+`|[\w.]+)|\w+)\s*(=|!=|LIKE|ILIKE)\s*(?:'((?:[^']|'')*)'|"((?:[^"]|"")*)")\s*$/i;

/** `tag.<key> = '<v>'` holds where the object has that tag and value; `!=` where it has not (so an untagged one matches). */
export type TTagMatch = (key: string, value: string) => SQL;

const compare = (column: PgColumn, op: string, value: string) =>
  op === '=' ? eq(column, value) : op === '!=' ? ne(column, value) : op === 'LIKE' ? like(column, value) : ilike(column, value);

/**
 * The registry searches' filter: clauses `<field> <op> '<value>'` joined by AND, on the fields each
 * search allows (name, run_id) and tags (`tag.<key>`, = or !=): what the client's
 * search_registered_models and search_model_versions send (the client itself adds
 * tag.`mlflow.prompt.is_prompt` != 'true'). Anything else is refused naming the clause, never ignored.
 */
export function registryFilter(filter: string, fields: Record<string, PgColumn>, tagMatch: TTagMatch): SQL[] {
  if (!filter.trim()) return [];
  return filter.split(/\s+AND\s+/i).map((clause) => {
    const match = clause.match(CLAUSE);
    const field = match?.[1] ?? '';
    const op = match?.[2]?.toUpperCase() ?? '';
    const isTag = /^tags?\./i.test(field);
    const column = fields[field.toLowerCase()];
    if (!match || (isTag ? op !== '=' && op !== '!=' : !column)) {
      throw new AppError('BAD_REQUEST', `filter: cannot read "${clause.trim()}" (use ${Object.keys(fields).join(', ')} with =, !=, LIKE or ILIKE, or tag.<key> with = or !=, and a quoted value)`);
    }
    const value = match[3] !== undefined ? match[3].replaceAll("''", "'") : match[4]!.replaceAll('""', '"');
    if (!isTag) return compare(column!, op, value);
    const has = tagMatch(field.replace(/^tags?\./i, '').replace(/^`(.*)`$/, '$1'), value);
    return op === '=' ? has : not(has);
  });
}

/** Pages are offsets, sent back as an opaque token. */
export const pageOffset = (token: string | undefined) => {
  if (!token) return 0;
  const offset = Number(Buffer.from(token, 'base64url').toString());
  if (!Number.isSafeInteger(offset) || offset < 0) throw new AppError('BAD_REQUEST', 'page_token: not a token this server gave');
  return offset;
};
export const nextPageToken = (offset: number, pageSize: number, got: number) => (got > pageSize ? { next_page_token: Buffer.from(String(offset + pageSize)).toString('base64url') } : {});
