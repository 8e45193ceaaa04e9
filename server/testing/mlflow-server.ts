import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { LocalArtifactStore } from '../../workflows/artifacts/local-store';
import type { ArtifactStore } from '../../workflows/artifacts/store';
import type { TDatabase } from '../db/client';
import { createMlflowHandler, MLFLOW_PREFIX } from '../http/mlflow/mlflow-handler';
import type { TSessionOf } from '../http/mlflow/mlflow-caller';
import { trustedOrigins } from '../http/trusted-origins';

export type TMlflowServer = { trackingUri: string; url: string; close: () => Promise<void> };

/**
 * Weft's MLflow API over real HTTP on the test's database and artifact store: the route handler's
 * own function behind a Node server, bodies streamed both ways (as Next.js does), so that the
 * real mlflow client (a Python process) talks to it as to web.
 */
export async function startMlflowServer(
  db: TDatabase,
  sessionOf: TSessionOf = async () => null,
  /** the store and its size limit; by default a temp store of the server's own, removed by close() */
  given?: { store: ArtifactStore; maxBytes: number },
  /** the pool workers' token: steps' tokens are signed with it */
  workerToken?: string,
): Promise<TMlflowServer> {
  const ownDir = given ? undefined : mkdtempSync(path.join(tmpdir(), 'weft-mlflow-artifacts-'));
  const artifacts = given ?? { store: new LocalArtifactStore(ownDir!), maxBytes: 64 * 1024 * 1024 };
  const handle = createMlflowHandler({
    db: () => db,
    sessionOf,
    trustedOrigins: trustedOrigins(),
    maxBodyBytes: 2 * 1024 * 1024,
    artifacts: { store: () => artifacts.store, maxBytes: artifacts.maxBytes },
    workerToken: () => workerToken,
  });
  const server = http.createServer((req, res) => {
    void (async () => {
      const headers = Object.entries(req.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as [string, string]] : []));
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers,
        ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
      } as RequestInit);
      const response = await handle(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) for await (const chunk of Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>)) res.write(chunk);
      res.end();
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
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownDir) await rm(ownDir, { recursive: true, force: true });
    },
  };
}
