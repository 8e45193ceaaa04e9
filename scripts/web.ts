// The web process (`tsx scripts/web.ts [--dev] [--port N]`): the Next.js app behind Weft's own
// HTTP server (server/http/web-server.ts), which resolves the client's real address. Use it
// instead of `next start` / `next dev`, which believe any X-Forwarded-For a client sends.
import { trustedProxies } from '../server/http/client-address';
import { createWebServer } from '../server/http/web-server';
import { repoRoot } from './lib/venv';

const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};

const dev = process.argv.includes('--dev');
const port = Number(argValue('--port') ?? process.env.WEFT_PORT ?? 3000);
const proxies = trustedProxies();
// as `next start` / `next dev` do, before React is loaded (hence the import below)
Object.assign(process.env, { NODE_ENV: dev ? 'development' : 'production' });
const { default: next } = await import('next');
const app = next({ dev, dir: repoRoot, hostname: 'localhost', port });
await app.prepare();
createWebServer(app.getRequestHandler(), proxies).listen(port, () => console.log(`[weft] web on http://localhost:${port}${dev ? ' (dev)' : ''}`));
