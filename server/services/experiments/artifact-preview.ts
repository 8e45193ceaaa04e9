import type { ArtifactStore } from '../../../workflows/artifacts/store';
import type { TDbOrTx } from '../../db/client';
import { findProjectArtifact, readHead, withArtifactFile } from './preview/artifact-file';
import { csvHead, type TTablePreview } from './preview/csv-head';
import { PARQUET_COPY_LIMIT, PREVIEW_BYTES } from './preview/limits';
import { parquetHead } from './preview/parquet-head';
import { previewKind } from './preview/preview-kind';

export type TArtifactPreview =
  | TTablePreview
  | { kind: 'text'; text: string; truncated: boolean; format: 'json' | 'text' }
  /** shown from the file route (an <img>, or a sandboxed iframe for HTML) */
  | { kind: 'image' }
  | { kind: 'html' }
  | { kind: 'none'; reason: string };

/** The first 64 KiB as text; a cut multi-byte character at the end is dropped, not shown as garbage. */
const headText = (head: Buffer, complete: boolean) => {
  const text = head.toString('utf8');
  return complete ? text : text.replace(/\uFFFD$/, '');
};

/**
 * What the Artifacts tab shows of a file, size-limited: CSV/TSV and Parquet heads as tables (100
 * rows), JSON pretty-printed when the first 64 KiB hold all of it, text as is (64 KiB); images and
 * HTML reports are shown from the file route. Never runs or renders anything on the server.
 */
export async function artifactPreview(db: TDbOrTx, store: ArtifactStore, projectId: string, ref: { runUuid: string; path: string }): Promise<TArtifactPreview> {
  const row = await findProjectArtifact(db, projectId, ref);
  const kind = previewKind(row.path, row.mediaType);
  if (kind === 'image') return { kind: 'image' };
  if (kind === 'html') return { kind: 'html' };
  if (kind === 'none') return { kind, reason: `No preview for ${row.mediaType} files: download it` };
  if (kind === 'parquet') {
    if (!store.readOnlyPath && row.size > PARQUET_COPY_LIMIT) return { kind: 'none', reason: 'This Parquet file is too large to preview from a remote store: download it' };
    return withArtifactFile(store, row.sha256, parquetHead).catch((error: unknown) => ({ kind: 'none' as const, reason: `Not a readable Parquet file (${error instanceof Error ? error.message : String(error)})` }));
  }
  const { head, complete } = await withArtifactFile(store, row.sha256, (file) => readHead(file, PREVIEW_BYTES));
  const text = headText(head, complete);
  if (kind === 'csv' || kind === 'tsv') return csvHead(text, kind === 'csv' ? ',' : '\t', complete);
  if (kind === 'json' && complete) {
    try {
      return { kind: 'text', text: JSON.stringify(JSON.parse(text), null, 2), truncated: false, format: 'json' };
    } catch {
      // not JSON after all: shown as the text it is
    }
  }
  return { kind: 'text', text, truncated: !complete, format: kind === 'json' ? 'json' : 'text' };
}
