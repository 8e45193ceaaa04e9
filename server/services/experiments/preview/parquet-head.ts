import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet';
import type { TTablePreview } from './csv-head';
import { PREVIEW_ROWS } from './limits';

const MAX_CELL = 200;

/** A cell as text: bigints and dates as written, bytes by their size, nested values as JSON, long text cut. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  const text = typeof value === 'object' ? JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) : String(value);
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…` : text;
}

/**
 * The first rows of a Parquet file, read with hyparquet (pure JS, no native code or Python in the
 * web process; snappy built in). It reads the footer and only the column chunks of the first
 * rows' row group(s), by range, so a large file costs little.
 */
export async function parquetHead(file: string): Promise<TTablePreview> {
  const buffer = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(buffer);
  const columns = parquetSchema(metadata).children.map((c) => c.element.name);
  const totalRows = Number(metadata.num_rows);
  const objects = await parquetReadObjects({ file: buffer, metadata, rowStart: 0, rowEnd: Math.min(PREVIEW_ROWS, totalRows) });
  const rows = objects.map((o) => columns.map((c) => cellText(o[c])));
  return { kind: 'table', columns, rows, truncated: totalRows > rows.length, totalRows };
}
