import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TDatabase } from '../db/client';
import { createMlflowHandler, MLFLOW_PREFIX } from '../http/mlflow/mlflow-handler';
import type { TSessionOf } from '../http/mlflow/mlflow-caller';
import { trustedOrigins } from '../http/trusted-origins';

export type TMlflowServer = { trackingUri: string; close: () => Promise<void> };

/**
 * Weft's MLflow API over real HTTP on the test's database: the route handler's own function
 * behind a Node server, so that the real mlflow client (a Python process) talks to it as to web.
 */
export async function startMlflowServer(db: TDatabase, sessionOf: TSessionOf = async () => null): Promise<TMlflowServer> {
  const handle = createMlflowHandler({ db: () => db, sessionOf, trustedOrigins: trustedOrigins(), maxBodyBytes: 2 * 1024 * 1024 });
  const server = http.createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = Object.entries(req.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as [string, string]] : []));
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, ...(hasBody ? { body: Buffer.concat(chunks) } : {}) });
      const response = await handle(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      console.error('[harness] mlflow server:', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    trackingUri: `http://127.0.0.1:${port}${MLFLOW_PREFIX}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
