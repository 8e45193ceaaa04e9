import type { TAppErrorCode } from '../errors';

/** The HTTP status of a service's AppError, for the route handlers outside tRPC (tRPC maps its own). */
export const APP_ERROR_STATUS: Record<TAppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  INTERNAL_SERVER_ERROR: 500,
};
