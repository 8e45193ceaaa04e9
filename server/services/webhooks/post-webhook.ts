import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { refusedAddress } from './address-policy';
import { ZWebhookUrlSchema } from './webhook-url';

/** A webhook request that cannot succeed as addressed: retrying it changes nothing. */
export class WebhookRefusedError extends Error {
  override name = 'WebhookRefusedError';
}

/**
 * The connection's own name lookup checks what it connects to: a host that resolved to a public
 * address when the URL was checked and to an internal one now (DNS rebinding) is refused here,
 * at the address the socket really uses.
 */
const checkedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.map((a) => refusedAddress(a.address)).find((r) => r !== null);
    if (refused) return callback(Object.assign(new WebhookRefusedError(`refused: ${refused}`), { code: 'EWEBHOOKREFUSED' }), '', 0);
    if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/**
 * POSTs a JSON body to a webhook under the address policy (address-policy.ts), with a timeout.
 * Resolves with the status; rejects with WebhookRefusedError when the URL or its addresses are
 * refused, else with an error that says what kind of failure it was, never the URL. Redirects
 * are not followed (a 3xx is the caller's failure), so a public URL cannot bounce the POST inward.
 */
export function postWebhook(url: string, body: unknown, timeoutMs: number): Promise<number> {
  const parsed = ZWebhookUrlSchema.safeParse(url);
  if (!parsed.success) return Promise.reject(new WebhookRefusedError(`refused: ${parsed.error.issues[0]?.message ?? 'not a valid URL'}`));
  const target = new URL(parsed.data);
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  // a literal address is never looked up: check it here
  const refused = isIP(literal) ? refusedAddress(literal) : null;
  if (refused) return Promise.reject(new WebhookRefusedError(`refused: ${refused}`));
  const payload = JSON.stringify(body);
  const options: RequestOptions = {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    lookup: checkedLookup,
    timeout: timeoutMs,
  };
  return new Promise((resolve, reject) => {
    const req = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, options, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error: NodeJS.ErrnoException) => reject(error instanceof WebhookRefusedError ? error : new Error(error.code ?? error.message)));
    req.end(payload);
  });
}
