import { processArtifactStore } from '../../artifacts/process-store';
import { signedIn } from '../../auth/session';
import { getDb } from '../../db/client';
import { maxBodyBytes } from '../request-limits';
import { trustedOrigins } from '../trusted-origins';
import { maxArtifactBytes } from './artifact-limits';
import { createMlflowHandler } from './mlflow-handler';

/** The web process's MLflow API handler: its database, better-auth sessions, trusted origins, body limits and artifact store. */
export const mlflowRouteHandler = () =>
  createMlflowHandler({
    db: getDb,
    sessionOf: (headers) => signedIn(headers),
    trustedOrigins: trustedOrigins(),
    maxBodyBytes: maxBodyBytes(),
    artifacts: { store: processArtifactStore, maxBytes: maxArtifactBytes() },
    workerToken: () => process.env.WEFT_WORKER_TOKEN,
  });
