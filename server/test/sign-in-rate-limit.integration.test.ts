import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { toNodeHandler } from 'better-auth/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth } from '../auth/auth';
import { trustedProxies } from '../http/client-address';
import { trustedOrigins } from '../http/trusted-origins';
import { createWebServer } from '../http/web-server';
import { startHarness, type THarness } from '../testing/harness';

let h: THarness;
const servers: Server[] = [];
beforeAll(async () => {
  h = await startHarness({ poolWorker: false });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await h?.stop();
});

/** Weft's web server around better-auth (as scripts/web.ts puts it around Next), on a free port. */
async function startAuthServer(proxies: string): Promise<string> {
  const handle = toNodeHandler(createAuth(h.db, { WEFT_TRUSTED_PROXIES: proxies }));
  const server = createWebServer(async (req, res) => handle(req, res), trustedProxies({ WEFT_TRUSTED_PROXIES: proxies }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Statuses of wrong-password sign-ins, each with the X-Forwarded-For `forwardedFor(i)`. */
async function wrongPasswords(url: string, count: number, forwardedFor: (i: number) => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: trustedOrigins()[0]!, 'x-forwarded-for': forwardedFor(i) },
      body: JSON.stringify({ email: h.members.editor.email, password: `wrong-${i}` }),
    });
    statuses.push(res.status);
  }
  return statuses;
}

describe('the sign-in rate limit keys on the real client address', () => {
  it('limits 30 wrong passwords from one client even with a new X-Forwarded-For each time', async () => {
    const statuses = await wrongPasswords(await startAuthServer(''), 30, (i) => `203.0.113.${i + 1}`);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
  });

  it('believes X-Forwarded-For only from a configured proxy: its distinct clients are limited apart', async () => {
    const url = await startAuthServer('127.0.0.1');
    expect(await wrongPasswords(url, 10, (i) => `198.51.100.${i + 1}`)).not.toContain(429);
    expect(await wrongPasswords(url, 10, () => '198.51.100.200')).toContain(429);
  });
});
