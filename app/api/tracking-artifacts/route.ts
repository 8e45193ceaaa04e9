import { processArtifactStore } from '@/server/artifacts/process-store';
import { signedIn } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { createArtifactFileHandler } from '@/server/http/artifact-file-handler';

export const dynamic = 'force-dynamic';

/** A tracking run's artifact for the Artifacts tab (download, image, sandboxed HTML report); see createArtifactFileHandler. */
export const GET = createArtifactFileHandler({ db: getDb, sessionOf: (headers) => signedIn(headers), store: processArtifactStore });
