import { mlflowRouteHandler } from '@/server/http/mlflow/mlflow-route';

export const dynamic = 'force-dynamic';

/** The MLflow tracking and model registry REST API (MLFLOW_TRACKING_URI=<web>/mlflow); see server/http/mlflow. */
const handle = mlflowRouteHandler();

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
