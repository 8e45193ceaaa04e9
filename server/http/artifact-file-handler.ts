import path from 'node:path';
import { Readable } from 'node:stream';
import type { ArtifactStore } from '../../workflows/artifacts/store';
import type { TDatabase } from '../db/client';
import { AppError } from '../errors';
import { requireRole } from '../services/access/roles';
import { findProjectArtifact } from '../services/experiments/preview/artifact-file';
import { extensionOf, INLINE_MEDIA_TYPES } from '../services/experiments/preview/preview-kind';
import { openStoredFile } from '../services/tracking/artifacts/open-stored-file';
import { APP_ERROR_STATUS } from './app-error-status';
import type { TSessionOf } from './mlflow/mlflow-caller';

/** Where the Artifacts tab downloads and shows files: `?project=&run=&path=` (`&inline=1` for an image or an HTML report). */
export const ARTIFACT_FILE_ROUTE = '/api/tracking-artifacts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RUN_ID = /^[0-9a-f]{32}$/;

/**
 * GET a tracking run's artifact for a signed-in member (viewer and up) of its project. What users
 * upload is untrusted: every answer carries `Content-Security-Policy: sandbox` (an HTML report
 * opened directly, or framed, gets an opaque origin and runs no script: it cannot reach Weft with
 * the user's cookie) and nosniff; only images and HTML are ever inline, with a media type chosen
 * by Weft from the extension, never the uploader's.
 */
export function createArtifactFileHandler(deps: { db: () => TDatabase; sessionOf: TSessionOf; store: () => ArtifactStore }) {
  return async (req: Request): Promise<Response> => {
    try {
      const session = await deps.sessionOf(req.headers);
      if (!session) throw new AppError('UNAUTHORIZED', 'Sign in first');
      const url = new URL(req.url);
      const projectId = url.searchParams.get('project') ?? '';
      const runUuid = url.searchParams.get('run') ?? '';
      const file = url.searchParams.get('path') ?? '';
      if (!UUID.test(projectId) || !RUN_ID.test(runUuid) || !file) throw new AppError('BAD_REQUEST', 'Name the project, run and path of the artifact');
      const db = deps.db();
      await requireRole(db, session.user.id, projectId, 'viewer');
      const row = await findProjectArtifact(db, projectId, { runUuid, path: file });
      const inlineType = url.searchParams.get('inline') === '1' ? INLINE_MEDIA_TYPES[extensionOf(row.path)] : undefined;
      const name = encodeURIComponent(path.posix.basename(row.path));
      const stream = await openStoredFile(deps.store(), row.sha256);
      return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
        headers: {
          'content-type': inlineType ?? row.mediaType,
          'content-length': String(row.size),
          'content-disposition': `${inlineType ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`,
          'content-security-policy': 'sandbox',
          'x-content-type-options': 'nosniff',
          // the bytes of a sha256 never change, but access may: the browser keeps them, no proxy does
          'cache-control': 'private, max-age=300',
          etag: `"${row.sha256}"`,
        },
      });
    } catch (error) {
      if (error instanceof AppError) return Response.json({ error: error.message }, { status: APP_ERROR_STATUS[error.code] });
      console.error('[weft] artifact file:', error);
      return Response.json({ error: 'Internal error; see the server log' }, { status: 500 });
    }
  };
}
