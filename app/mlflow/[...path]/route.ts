import { signedIn } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { createMlflowHandler } from '@/server/http/mlflow/mlflow-handler';
import { maxBodyBytes } from '@/server/http/request-limits';
import { trustedOrigins } from '@/server/http/trusted-origins';

export const dynamic = 'force-dynamic';

/** The MLflow tracking REST API (MLFLOW_TRACKING_URI=<web>/mlflow); see server/http/mlflow. */
const handle = createMlflowHandler({ db: getDb, sessionOf: (headers) => signedIn(headers), trustedOrigins: trustedOrigins(), maxBodyBytes: maxBodyBytes() });

export const GET = handle;
export const POST = handle;
