import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { z } from 'zod';
import { refusedAddress } from './address-policy';

/** A webhook URL: http(s), a host, no credentials in it (they would show in logs and errors). */
export const ZWebhookUrlSchema = z
  .url({ protocol: /^https?$/, message: 'not an http(s) URL' })
  .refine((url) => {
    const parsed = new URL(url);
    return !parsed.username && !parsed.password;
  }, 'a URL with a user name or password in it');

/**
 * Why a webhook URL may not be posted to, or null when it may: its form (zod), then every address
 * its host resolves to now (a host with one internal address among public ones is refused: which
 * one a connection picks is not ours to choose). Messages never quote the URL: it is a secret.
 */
export async function webhookUrlProblem(url: string): Promise<string | null> {
  const parsed = ZWebhookUrlSchema.safeParse(url);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'not a valid URL';
  const host = new URL(parsed.data).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return 'its host name does not resolve';
  }
  for (const address of addresses) {
    const refused = refusedAddress(address);
    if (refused) return refused;
  }
  return null;
}
