import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { MAX_BATCH_SIZE, maxBodyBytes } from '../http/request-limits';
import { requestSource } from '../http/request-source';
import { limitBody } from './body-limit';
import type { TContext } from './context';
import { appRouter } from './root';

/**
 * The tRPC API over HTTP, with the limits a public endpoint needs: the body size, the batch size,
 * and the request's origin in the context (mutations check it). `contextOf` says who is calling
 * (the session in the app, a chosen member in tests).
 */
export function createTrpcHttpHandler(contextOf: (req: Request) => Promise<Omit<TContext, 'source'>>) {
  const maxBytes = maxBodyBytes();
  return (req: Request) =>
    fetchRequestHandler({
      endpoint: '/api/trpc',
      req: limitBody(req, maxBytes),
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: async () => ({ ...(await contextOf(req)), source: requestSource(req.headers) }),
    });
}
