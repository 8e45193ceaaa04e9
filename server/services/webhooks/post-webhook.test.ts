import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_ADDRESSES_SETTING } from './address-policy';
import { postWebhook, WebhookRefusedError } from './post-webhook';

let server: Server;
let port: number;
const bodies: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      bodies.push(body);
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => server?.close());
afterEach(() => {
  delete process.env[ALLOWED_ADDRESSES_SETTING];
});

describe('posting a webhook under the address policy', () => {
  it('refuses a host name that resolves to loopback in the connection’s own lookup, before anything is sent', async () => {
    // (a name checked when the rule was made may resolve elsewhere now: the socket's lookup decides)
    const posted = postWebhook(`http://localhost:${port}/hook`, { text: 'x' }, 2_000);
    await expect(posted).rejects.toBeInstanceOf(WebhookRefusedError);
    await expect(posted).rejects.toThrow(/^refused: it resolves to a loopback address/);
    expect(bodies).toEqual([]);
  });

  it('refuses a literal metadata address and a URL with credentials without a connection', async () => {
    await expect(postWebhook('http://169.254.169.254/latest/meta-data/', {}, 2_000)).rejects.toThrow(/link-local/);
    await expect(postWebhook('http://u:p@example.com/', {}, 2_000)).rejects.toThrow(/user name or password/);
  });

  it('posts the JSON body to an address the operator allows, answering its status', async () => {
    process.env[ALLOWED_ADDRESSES_SETTING] = '127.0.0.1,::1';
    expect(await postWebhook(`http://localhost:${port}/hook`, { text: 'drift' }, 2_000)).toBe(204);
    expect(bodies).toEqual(['{"text":"drift"}']);
  });
});
