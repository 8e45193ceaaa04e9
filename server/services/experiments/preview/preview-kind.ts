// What the Artifacts tab can show of a file, from its extension first (the mlflow client guesses
// media types from names too, and often sends application/octet-stream), then its media type.

export const PREVIEW_KINDS = ['csv', 'tsv', 'parquet', 'json', 'text', 'image', 'html', 'none'] as const;
export type TPreviewKind = (typeof PREVIEW_KINDS)[number];

const BY_EXTENSION: Record<string, TPreviewKind> = {
  csv: 'csv',
  tsv: 'tsv',
  parquet: 'parquet',
  json: 'json',
  txt: 'text',
  log: 'text',
  md: 'text',
  yaml: 'text',
  yml: 'text',
  py: 'text',
  toml: 'text',
  ini: 'text',
  cfg: 'text',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  svg: 'image',
  html: 'html',
  htm: 'html',
};

/** Media types served inline for images and reports; anything else is downloaded. */
export const INLINE_MEDIA_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
};

export const extensionOf = (path: string) => /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';

export function previewKind(path: string, mediaType: string): TPreviewKind {
  const byName = BY_EXTENSION[extensionOf(path)];
  if (byName) return byName;
  if (mediaType === 'application/json') return 'json';
  if (mediaType.startsWith('text/')) return 'text';
  return 'none';
}
