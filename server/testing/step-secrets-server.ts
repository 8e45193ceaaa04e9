import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { STEP_SECRETS_PATH } from '../../workflows/contract/step-secrets';
import type { TDatabase } from '../db/client';
import { createStepSecretsHandler } from '../http/step-secrets-handler';

export type TStepSecretsServer = { url: string; close: () => Promise<void> };

/**
 * Web's internal step-secrets endpoint over real HTTP, on the test's database: the route handler's
 * own function behind a Node server, so pool workers (in-process or processes) reach it as they
 * reach web.
 */
export async function startStepSecretsServer(db: TDatabase, workerToken: string): Promise<TStepSecretsServer> {
  const handle = createStepSecretsHandler({ db: () => db, workerToken: () => workerToken });
  const server = http.createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = Object.entries(req.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as [string, string]] : []));
      const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, ...(req.method === 'POST' ? { body: Buffer.concat(chunks) } : {}) });
      const response = req.method === 'POST' && req.url === STEP_SECRETS_PATH ? await handle(request) : new Response(null, { status: 404 });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      console.error('[harness] step secrets server:', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
