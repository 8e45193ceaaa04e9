/** A preview reads at most this much of a file (text, CSV, JSON): the first 64 KiB. */
export const PREVIEW_BYTES = 64 * 1024;
/** and shows at most this many rows of a table (CSV, Parquet). */
export const PREVIEW_ROWS = 100;
/** Parquet is read from its footer, so it needs the whole file at hand: above this, a non-local store's copy is not fetched for a preview. */
export const PARQUET_COPY_LIMIT = 64 * 1024 * 1024;
