import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { z, ZodError } from 'zod';
import { crossSiteReason } from '../http/request-source';
import { trustedOrigins } from '../http/trusted-origins';
import { requirePlatformAdmin } from '../services/access/platform-admin';
import { requireRole, type TRole } from '../services/access/roles';
import { recordRefusal } from '../services/audit/record-refusal';
import { AppError } from '../errors';
import type { TContext } from './context';
import { apiTransformer } from './transformer';

const t = initTRPC.context<TContext>().create({
  transformer: apiTransformer,
  // One place maps service errors to answers: zod issues flattened per field, spec problems per node.
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const hidden = error.code === 'INTERNAL_SERVER_ERROR' && !(cause instanceof AppError);
    if (hidden) console.error('[weft] internal error:', error.cause ?? error);
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      // internal failures may carry SQL or hostnames: log them, never send them to the browser
      message: hidden ? 'Internal error; see the server log' : cause instanceof ZodError ? zodMessage(cause) : shape.message,
      data: {
        ...data,
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        problems: cause instanceof AppError ? (cause.details?.problems ?? null) : null,
        conflict: cause instanceof AppError ? (cause.details?.conflict ?? null) : null,
      },
    };
  },
});

/** "versionId: Invalid UUID; name: Name is required": readable where the UI shows one line. */
function zodMessage(error: ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/** Turns a service's AppError into the matching tRPC error; anything else stays a 500 without details. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

/** Refusals worth an audit row: a role or origin check (403), an invalid or oversized input. */
const AUDITED_REFUSALS: ReadonlySet<TRPC_ERROR_CODE_KEY> = new Set(['FORBIDDEN', 'BAD_REQUEST', 'PAYLOAD_TOO_LARGE']);

/** Audits refused calls (who, which procedure, why); the service bounds the rows per actor. */
const auditRefusals = t.middleware(async ({ ctx, path, next }) => {
  const result = await next();
  if (!result.ok && AUDITED_REFUSALS.has(result.error.code)) {
    const { error } = result;
    const reason = error.cause instanceof ZodError ? zodMessage(error.cause) : error.message;
    // the call is refused either way: an audit write that fails is logged, not turned into a 500
    await recordRefusal(ctx.db, { actor: ctx.user?.id ?? 'anonymous', procedure: path, code: error.code, reason }).catch((cause: unknown) =>
      console.error('[weft] could not audit a refused call:', cause),
    );
  }
  return result;
});

const trusted = trustedOrigins();

/** A mutation sent by a page of another site (a signed-in user's browser carries the cookie) is refused. */
const sameSiteMutations = t.middleware(({ ctx, type, next }) => {
  const reason = type === 'mutation' && ctx.source ? crossSiteReason(ctx.source, trusted) : null;
  if (reason) throw new TRPCError({ code: 'FORBIDDEN', message: reason });
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(auditRefusals).use(sameSiteMutations).use(appErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const ZProjectScopeSchema = z.object({ projectId: z.uuid('projectId must be a uuid') });

/**
 * A procedure inside one project, open to users holding at least `minRole` there: read from
 * Postgres on every call, so a role change applies to the next request. An archived project
 * refuses every mutation.
 */
export const projectProcedure = (minRole: TRole) =>
  authedProcedure.input(ZProjectScopeSchema).use(async ({ ctx, input, type, next }) => {
    const role = await requireRole(ctx.db, ctx.user.id, input.projectId, minRole, { write: type === 'mutation' });
    return next({ ctx: { ...ctx, role } });
  });

/** Platform settings (pools, teams, projects, users): platform admins only, checked on every call. */
export const platformAdminProcedure = authedProcedure.use(async ({ ctx, next }) => {
  await requirePlatformAdmin(ctx.db, ctx.user.id);
  return next();
});
