import { createAuth } from '../auth/auth';
import { signedIn } from '../auth/session';
import { trustedOrigins } from '../http/trusted-origins';
import { createTrpcHttpHandler } from '../trpc/http-handler';
import type { THarness } from './harness';
import type { THttpAnswer } from './http-api';

const ORIGIN = trustedOrigins()[0]!;

/**
 * Real sessions on the harness's database: sign-in through better-auth (a session row and its
 * cookie), and the tRPC API over HTTP with the caller read from that cookie on every request, as
 * the app's route handler does.
 */
export function sessionApi(h: THarness) {
  const auth = createAuth(h.db, { WEFT_AUTH_RATE_LIMIT: 'off' });
  const trpc = createTrpcHttpHandler(async (req) => {
    const session = await signedIn(req.headers, auth);
    return { db: h.db, temporal: h.temporal, user: session?.user ?? null, sessionId: session?.sessionId };
  });
  const send = async (req: Request): Promise<THttpAnswer> => {
    const res = await trpc(req);
    return { status: res.status, body: await res.json() };
  };
  const headers = (cookie: string) => ({ 'content-type': 'application/json', origin: ORIGIN, cookie });
  return {
    /** the sign-in's status and, when it worked, the session cookie to send */
    async signIn(email: string, password: string): Promise<{ status: number; cookie: string }> {
      const res = await auth.handler(
        new Request(`${ORIGIN}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ email, password }) }),
      );
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      return { status: res.status, cookie };
    },
    mutate: (cookie: string, path: string, input: unknown = {}) =>
      send(new Request(`${ORIGIN}/api/trpc/${path}`, { method: 'POST', headers: headers(cookie), body: JSON.stringify(input) })),
    query: (cookie: string, path: string, input: unknown = {}) =>
      send(new Request(`${ORIGIN}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: headers(cookie) })),
  };
}

/** The `json` of a tRPC answer's result (superjson-encoded). */
export function resultOf<T>(answer: THttpAnswer): T {
  return (answer.body as { result: { data: { json: T } } }).result.data.json;
}
