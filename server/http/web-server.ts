import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { BlockList } from 'node:net';
import { clientAddress } from './client-address';

type THandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The web process's HTTP server. Only here is the client's socket address known (Next's route
 * handlers see headers, and Next keeps a client-sent X-Forwarded-For as it is), so X-Forwarded-For
 * is replaced by the one resolved address before the app (better-auth's rate limit) reads it.
 */
export function createWebServer(handle: THandler, proxies: BlockList): http.Server {
  return http.createServer((req, res) => {
    req.headers['x-forwarded-for'] = clientAddress(req.socket.remoteAddress ?? '', req.headersDistinct['x-forwarded-for']?.join(','), proxies);
    handle(req, res).catch((error: unknown) => {
      console.error('[weft] request failed:', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}
