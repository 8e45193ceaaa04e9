import type { TTestMembers } from './fixtures';
import type { THarness } from './harness';
import { trustedOrigins } from '../http/trusted-origins';
import { createTrpcHttpHandler } from '../trpc/http-handler';

const ORIGIN = trustedOrigins()[0]!;

export type THttpAnswer = { status: number; body: unknown };

/**
 * The tRPC API over HTTP as the route handler serves it (body and batch limits, input checks,
 * origin checks, the superjson answers), on the harness's database. The caller is named by a
 * test header instead of a session cookie.
 */
export function httpApi(h: THarness) {
  const handle = createTrpcHttpHandler(async (req) => {
    const who = req.headers.get('x-test-member') as keyof TTestMembers | null;
    return { db: h.db, temporal: h.temporal, user: who ? h.members[who] : null };
  });
  const send = async (req: Request): Promise<THttpAnswer> => {
    const res = await handle(req);
    return { status: res.status, body: await res.json() };
  };
  // (an empty value in `extra` leaves that header out, e.g. `origin: ''`)
  const headersOf = (who: keyof TTestMembers, extra: Record<string, string>) =>
    Object.entries({ 'content-type': 'application/json', 'x-test-member': who, origin: ORIGIN, ...extra }).filter(([, value]) => value !== '');
  return {
    /** a mutation: POST with a raw JSON body (a string is sent as is) */
    mutate: (who: keyof TTestMembers, path: string, body: unknown, headers: Record<string, string> = {}) =>
      send(new Request(`${ORIGIN}/api/trpc/${path}`, { method: 'POST', headers: headersOf(who, headers), body: typeof body === 'string' ? body : JSON.stringify(body) })),
    /** a query: GET with the input in the URL */
    query: (who: keyof TTestMembers, path: string, input: unknown) =>
      send(new Request(`${ORIGIN}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: headersOf(who, {}) })),
    /** a batch of one procedure, called `count` times with the same input */
    batch: (who: keyof TTestMembers, path: string, input: unknown, count: number) => {
      const inputs = Object.fromEntries(Array.from({ length: count }, (_, i) => [i, input]));
      const paths = Array.from({ length: count }, () => path).join(',');
      return send(new Request(`${ORIGIN}/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`, { headers: headersOf(who, {}) }));
    },
  };
}

/** The message of a tRPC error answer (superjson-encoded), or undefined. */
export function errorMessage(answer: THttpAnswer): string | undefined {
  const body = answer.body as { error?: { json?: { message?: string } } };
  return body.error?.json?.message;
}
