/**
 * Errors a service throws: a code the tRPC error formatter maps to a status, and a message a user
 * can act on. `problems` carries per-node validation problems.
 */
export type TAppErrorCode = 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'PRECONDITION_FAILED' | 'INTERNAL_SERVER_ERROR';

export class AppError extends Error {
  constructor(
    readonly code: TAppErrorCode,
    message: string,
    readonly details?: { problems?: unknown[]; /** what a refused write collided with (e.g. the version saved meanwhile, and the diff) */ conflict?: unknown },
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
