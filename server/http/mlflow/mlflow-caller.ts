import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { authenticateApiToken } from '../../services/api-tokens/authenticate-api-token';
import type { TTrackingCaller } from '../../services/tracking/tracking-access';
import { crossSiteReason, requestSource } from '../request-source';
import { STEP_TOKEN_PREFIX, verifyStepTrackingToken } from '../../../workflows/contract/step-tracking';
import { stepTrackingCaller } from '../../services/tracking/step-caller';

/** A browser session's user, or null (server/auth/session.ts's signedIn, injected so tests can bring their own auth). */
export type TSessionOf = (headers: Headers) => Promise<{ user: { id: string } } | null>;

/** Which project a browser session's request is about, where it names no object of its own. */
export const PROJECT_HEADER = 'x-weft-project-id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who sends a request: `Authorization: Bearer <personal API token>` (what the mlflow client sends
 * from MLFLOW_TRACKING_TOKEN) or a step attempt's token (signed by its pool worker), else a signed-in browser session, whose writes must come from a
 * trusted origin (the cookie travels with any site's requests; a token does not).
 */
export async function mlflowCaller(req: Request, deps: { db: TDatabase; sessionOf: TSessionOf; trustedOrigins: readonly string[]; workerToken?: () => string | undefined }): Promise<TTrackingCaller> {
  const authorization = req.headers.get('authorization');
  if (authorization) {
    const token = authorization.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw new AppError('UNAUTHORIZED', 'Send a personal API token as "Authorization: Bearer <token>" (MLFLOW_TRACKING_TOKEN)');
    if (token.startsWith(STEP_TOKEN_PREFIX)) {
      const workerToken = deps.workerToken?.();
      const claims = workerToken ? verifyStepTrackingToken(workerToken, token) : undefined;
      if (!claims) throw new AppError('UNAUTHORIZED', 'This step token is not valid (or has expired)');
      return stepTrackingCaller(deps.db, claims);
    }
    const holder = await authenticateApiToken(deps.db, token);
    return { userId: holder.userId, projectId: holder.projectId, tokenRole: holder.role };
  }
  const session = await deps.sessionOf(req.headers);
  if (!session) throw new AppError('UNAUTHORIZED', 'Sign in, or send a personal API token (MLFLOW_TRACKING_TOKEN)');
  if (req.method !== 'GET') {
    const reason = crossSiteReason(requestSource(req.headers), deps.trustedOrigins);
    if (reason) throw new AppError('FORBIDDEN', reason);
  }
  const project = req.headers.get(PROJECT_HEADER);
  if (project !== null && !UUID.test(project)) throw new AppError('BAD_REQUEST', `${PROJECT_HEADER}: not a project id`);
  return { userId: session.user.id, projectId: project, tokenRole: null };
}
