// The webhook address policy at the API boundary, through the real parts (tRPC, Postgres, DNS):
// an alert rule whose webhook secret points at loopback, a private network or the cloud metadata
// service is refused with a 400 that names the field, unless the operator allows that address.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_ADDRESSES_SETTING } from '../services/webhooks/address-policy';
import { startHarness, type THarness } from '../testing/harness';

let h: THarness;
beforeAll(async () => {
  h = await startHarness({ poolWorker: false });
});
afterAll(async () => {
  await h?.stop();
});
afterEach(() => {
  delete process.env[ALLOWED_ADDRESSES_SETTING];
});

let n = 0;
/** creates a rule notifying the webhook in a fresh secret holding `url` */
async function ruleWithWebhook(url: string) {
  const secret = `HOOK_${++n}`;
  await h.as('admin').secrets.set({ projectId: h.projectId, name: secret, value: url });
  return h.as('editor').alertRules.create({ projectId: h.projectId, modelName: 'm', name: `rule ${n}`, metric: 'feature_psi', threshold: 0.2, consecutive: 1, notifySecret: secret });
}

describe('alert webhooks may not reach internal addresses', () => {
  it.each([
    ['the cloud metadata service', 'http://169.254.169.254/latest/meta-data/', /link-local/],
    ['loopback (Weft’s own services)', 'http://127.0.0.1:5499/', /loopback/],
    ['a host name that resolves to loopback', 'http://localhost:3000/api/trpc', /loopback/],
    ['a private network', 'https://10.0.0.8/hook', /private/],
    ['IPv6 loopback', 'http://[::1]:7233/', /loopback/],
    ['an IPv4-mapped IPv6 metadata address', 'http://[::ffff:169.254.169.254]/', /link-local/],
  ])('refuses %s with a 400 naming notifySecret', async (_what, url, kind) => {
    const created = ruleWithWebhook(url);
    await expect(created).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(created).rejects.toThrow(/^notifySecret: the webhook URL in HOOK_\d+ is refused: it resolves to/);
    await expect(created).rejects.toThrow(kind);
    await expect(created).rejects.toThrow(/WEFT_WEBHOOK_ALLOWED_ADDRESSES/);
  });

  it('refuses what is not an http(s) URL, or carries credentials, and never quotes the URL', async () => {
    await expect(ruleWithWebhook('file:///etc/passwd')).rejects.toThrow(/^notifySecret: .* refused: not an http\(s\) URL$/);
    const withPassword = ruleWithWebhook('https://user:hunter2@hooks.example.com/x');
    await expect(withPassword).rejects.toThrow(/user name or password/);
    await expect(withPassword).rejects.not.toThrow(/hunter2/);
  });

  it('refuses a secret that does not exist', async () => {
    await expect(h.as('editor').alertRules.create({ projectId: h.projectId, modelName: 'm', name: 'no secret', metric: 'feature_psi', threshold: 0.2, consecutive: 1, notifySecret: 'NOPE' })).rejects.toThrow(/^notifySecret: the project has no secret NOPE$/);
  });

  it('accepts an internal address the operator allows (WEFT_WEBHOOK_ALLOWED_ADDRESSES), and only that one', async () => {
    process.env[ALLOWED_ADDRESSES_SETTING] = '127.0.0.1, 10.1.0.0/16';
    await expect(ruleWithWebhook('http://127.0.0.1:9/hook')).resolves.toMatchObject({ id: expect.any(String) });
    await expect(ruleWithWebhook('http://10.1.2.3/hook')).resolves.toMatchObject({ id: expect.any(String) });
    await expect(ruleWithWebhook('http://169.254.169.254/')).rejects.toThrow(/link-local/);
  });
});
