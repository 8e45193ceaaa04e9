import { signedIn } from '../../auth/session';
import { getDb } from '../../db/client';
import { maxBodyBytes } from '../request-limits';
import { trustedOrigins } from '../trusted-origins';
import { createMlflowHandler } from './mlflow-handler';

/** The web process's MLflow API handler: its database, better-auth sessions, trusted origins and body limit. */
export const mlflowRouteHandler = () =>
  createMlflowHandler({ db: getDb, sessionOf: (headers) => signedIn(headers), trustedOrigins: trustedOrigins(), maxBodyBytes: maxBodyBytes() });
