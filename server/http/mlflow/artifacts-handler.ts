import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { ArtifactStore } from '../../../workflows/artifacts/store';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { downloadArtifact } from '../../services/tracking/artifacts/download-artifact';
import { listArtifacts } from '../../services/tracking/artifacts/list-artifacts';
import { uploadArtifact } from '../../services/tracking/artifacts/upload-artifact';
import type { TTrackingCaller } from '../../services/tracking/tracking-access';

/** Where the client's mlflow-artifacts repository sends `mlflow-artifacts:/<path>` (MLflow's artifacts proxy). */
export const ARTIFACTS_ROUTE = '/api/2.0/mlflow-artifacts/artifacts';

export type TArtifactsDeps = { store: () => ArtifactStore; maxBytes: number };

const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+(?:\s*;\s*[\w.+-]+=[\w.+-]+)*$/;
const NO_STORE = { 'cache-control': 'no-store' };

function decodedPath(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new AppError('BAD_REQUEST', 'path: not a valid percent-encoded path');
  }
}

/**
 * The artifacts proxy: PUT <route>/<path> uploads, GET <route>/<path> downloads, GET <route>?path=
 * lists (MLflow's handlers _upload_artifact, _download_artifact, _list_artifacts_mlflow_artifacts).
 */
export async function artifactsResponse(req: Request, rest: string, db: TDatabase, caller: TTrackingCaller, deps: TArtifactsDeps): Promise<Response> {
  const url = new URL(req.url);
  if (rest === '' && req.method === 'GET') return Response.json(await listArtifacts(db, caller, { path: url.searchParams.get('path') ?? undefined }), { headers: NO_STORE });
  if (!rest.startsWith('/')) throw new AppError('NOT_FOUND', `Weft does not serve ${url.pathname}`);
  const path = decodedPath(rest.slice(1));
  if (req.method === 'PUT') {
    if (!req.body) throw new AppError('BAD_REQUEST', 'body: the file to upload is missing');
    const given = req.headers.get('content-type')?.trim() ?? '';
    const mediaType = MEDIA_TYPE.test(given) && given.length <= 255 ? given : 'application/octet-stream';
    return Response.json(await uploadArtifact(db, caller, { store: deps.store(), maxBytes: deps.maxBytes, path, mediaType, body: Readable.fromWeb(req.body as NodeReadableStream<Uint8Array>) }), { headers: NO_STORE });
  }
  if (req.method !== 'GET') throw new AppError('BAD_REQUEST', `${req.method}: the artifacts proxy takes GET and PUT`);
  const file = await downloadArtifact(db, caller, { store: deps.store(), path });
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    headers: {
      ...NO_STORE,
      'content-type': file.mediaType,
      'content-length': String(file.size),
      // never rendered as a page of Weft's origin, whatever the uploader called it
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'x-content-type-options': 'nosniff',
      etag: `"${file.sha256}"`,
    },
  });
}
