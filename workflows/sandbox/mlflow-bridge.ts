import { chmod, rm } from 'node:fs/promises';
import http from 'node:http';

/** Where a sandboxed step finds the bridge's socket (bound read-only into every sandbox). */
export const MLFLOW_SOCKET_IN_SANDBOX = '/run/weft/mlflow.sock';
/** The only paths a step may reach through the bridge: web's MLflow API and artifacts proxy. */
const MLFLOW_PATH = /^\/mlflow\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*(\?.*)?$/;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade', 'host', 'cookie', 'forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip']);

export type TMlflowBridge = { socketPath: string; close: () => Promise<void> };

/**
 * A step in a network namespace of its own cannot reach web on the host's loopback (nor may it:
 * Temporal and PostgreSQL listen there). The pool worker serves this HTTP proxy on a unix socket
 * that sandboxes see as a file; the step's python forwards a loopback port of its own namespace
 * to it (python-lib/weft_mlflow_bridge.py). It passes only `/mlflow/...` requests, with the
 * step's own token, and no cookie: the rest of web stays out of a step's reach.
 */
export async function startMlflowBridge(opts: { socketPath: string; webUrl: string }): Promise<TMlflowBridge> {
  const web = new URL(opts.webUrl);
  const server = http.createServer((req, res) => {
    const target = req.url ?? '';
    if (!MLFLOW_PATH.test(target) || target.split('?')[0]!.split('/').some((part) => part === '..' || part.toLowerCase().includes('%2e%2e'))) {
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ error_code: 'PERMISSION_DENIED', message: 'A step reaches only the MLflow API through this socket' }));
      return;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    const upstream = http.request({ protocol: web.protocol, hostname: web.hostname, port: web.port, method: req.method, path: target, headers: { ...headers, host: web.host } }, (answer) => {
      const back = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name) && name !== 'set-cookie'));
      res.writeHead(answer.statusCode ?? 502, back);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error_code: 'TEMPORARILY_UNAVAILABLE', message: `Weft's web server is not reachable: ${error.message}` }));
    });
    req.pipe(upstream);
  });
  await rm(opts.socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.socketPath, () => resolve());
  });
  // steps run as uids of their own: any of them may connect (the token says which step asks)
  await chmod(opts.socketPath, 0o666);
  server.unref();
  return {
    socketPath: opts.socketPath,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
