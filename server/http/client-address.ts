import { BlockList, isIPv4, isIP } from 'node:net';

/**
 * The proxies whose X-Forwarded-For is believed (WEFT_TRUSTED_PROXIES: addresses or CIDR ranges,
 * comma-separated; default none). Anyone else can write any address into that header, and the
 * sign-in rate limit, keyed on the address, never held against a new value per attempt.
 */
export function trustedProxies(env: Partial<Record<string, string>> = process.env): BlockList {
  const list = new BlockList();
  for (const entry of (env.WEFT_TRUSTED_PROXIES ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) {
      throw new Error(`WEFT_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
function plain(address: string): string {
  const mapped = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : null;
  return mapped && isIPv4(mapped) ? mapped : address;
}

const isTrusted = (address: string, proxies: BlockList) => {
  const family = isIP(address);
  return family !== 0 && proxies.check(address, family === 4 ? 'ipv4' : 'ipv6');
};

/**
 * The client's address: the socket's peer, unless that is a trusted proxy; then the hops its
 * X-Forwarded-For lists are walked from the nearest, skipping trusted proxies, to the first one
 * that is not (a malformed hop stops the walk at the last address known to be real).
 */
export function clientAddress(socketAddress: string, forwardedFor: string | undefined, proxies: BlockList): string {
  let client = plain(socketAddress);
  const hops = (forwardedFor ?? '').split(',').map((hop) => plain(hop.trim())).filter(Boolean);
  while (isTrusted(client, proxies) && hops.length > 0) {
    const next = hops.pop()!;
    if (isIP(next) === 0) break;
    client = next;
  }
  return client;
}
