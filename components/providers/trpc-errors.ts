import { TRPCClientError } from '@trpc/client';
import type { TSpecProblem } from '@/workflows/dsl';
import type { TSpecDiff } from '@/workflows/dsl/spec-diff';

/** What the server's error formatter adds to `error.data` (see the contract in server/trpc). */
type TErrorData = {
  code?: string;
  httpStatus?: number;
  problems?: TSpecProblem[];
  conflict?: TVersionConflict | null;
  zodError?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> } | null;
};

function errorData(error: unknown): TErrorData | undefined {
  if (error instanceof TRPCClientError) return (error.data ?? undefined) as TErrorData | undefined;
  return undefined;
}

/** A save refused because another version was saved after the editor's base: who saved it, and how it differs from the spec sent. */
export type TVersionConflict = { number: number; createdByName: string; createdAt: string; diff: TSpecDiff };

/** The conflict of a refused save (409), or null for any other error. */
export function errorConflict(error: unknown): TVersionConflict | null {
  const conflict = errorData(error)?.conflict;
  return errorCode(error) === 'CONFLICT' && conflict && typeof conflict.number === 'number' ? conflict : null;
}

export function errorCode(error: unknown): string | undefined {
  return errorData(error)?.code;
}

export function isUnauthorized(error: unknown): boolean {
  return errorCode(error) === 'UNAUTHORIZED';
}

/** Per-node spec problems of a refused save, or [] for any other error. */
export function errorProblems(error: unknown): TSpecProblem[] {
  const problems = errorData(error)?.problems;
  return Array.isArray(problems) ? problems : [];
}

/** A sentence a user can act on: the zod field errors when the input was bad, else the message. */
export function errorMessage(error: unknown): string {
  const zod = errorData(error)?.zodError;
  if (zod) {
    const fields = Object.entries(zod.fieldErrors ?? {}).flatMap(([field, msgs]) => (msgs ?? []).map((m) => `${field}: ${m}`));
    const all = [...(zod.formErrors ?? []), ...fields];
    if (all.length > 0) return all.join('; ');
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}

/** 4xx answers will not change on retry. */
export function isClientError(error: unknown): boolean {
  const status = errorData(error)?.httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500;
}
