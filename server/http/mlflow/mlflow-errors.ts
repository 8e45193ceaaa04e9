import type { TAppErrorCode } from '../../errors';

/** MLflow's error codes and the HTTP status its server answers each with (mlflow/exceptions.py). */
export const MLFLOW_ERRORS = {
  INVALID_PARAMETER_VALUE: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_DOES_NOT_EXIST: 404,
  ENDPOINT_NOT_FOUND: 404,
  INTERNAL_ERROR: 500,
} as const;
export type TMlflowErrorCode = keyof typeof MLFLOW_ERRORS;

/** How a service's AppError reads to an MLflow client. */
export const MLFLOW_CODE_OF: Record<TAppErrorCode, TMlflowErrorCode> = {
  BAD_REQUEST: 'INVALID_PARAMETER_VALUE',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'PERMISSION_DENIED',
  NOT_FOUND: 'RESOURCE_DOES_NOT_EXIST',
  CONFLICT: 'RESOURCE_ALREADY_EXISTS',
  PRECONDITION_FAILED: 'INVALID_PARAMETER_VALUE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_ERROR',
};

/** An error answer in MLflow's shape ({error_code, message}), which the client raises as a RestException. */
export const mlflowError = (code: TMlflowErrorCode, message: string, status: number = MLFLOW_ERRORS[code]) =>
  Response.json({ error_code: code, message }, { status, headers: { 'cache-control': 'no-store' } });
