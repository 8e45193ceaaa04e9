import { BlockList, isIP } from 'node:net';

/**
 * Which addresses a webhook may reach. A webhook URL is typed by a user, but the request leaves
 * from the control worker, inside the operator's network: without a policy it could reach Weft's
 * own services (Postgres, Temporal, the web app), other internal hosts, or the cloud metadata
 * service (169.254.169.254) that hands out credentials. So loopback, private, link-local,
 * shared, multicast and reserved ranges are refused unless the operator lists them in
 * WEFT_WEBHOOK_ALLOWED_ADDRESSES.
 */
const INTERNAL: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', 'a "this network" address'],
  ['10.0.0.0', 8, 'ipv4', 'a private address'],
  ['100.64.0.0', 10, 'ipv4', 'a shared (carrier-grade NAT) address'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local address (cloud metadata lives there)'],
  ['172.16.0.0', 12, 'ipv4', 'a private address'],
  ['192.0.0.0', 24, 'ipv4', 'a reserved address'],
  ['192.168.0.0', 16, 'ipv4', 'a private address'],
  ['198.18.0.0', 15, 'ipv4', 'a benchmarking address'],
  ['224.0.0.0', 4, 'ipv4', 'a multicast address'],
  ['240.0.0.0', 4, 'ipv4', 'a reserved address'],
  ['::', 128, 'ipv6', 'the unspecified address'],
  ['::1', 128, 'ipv6', 'a loopback address'],
  ['fc00::', 7, 'ipv6', 'a private (unique local) address'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
  ['ff00::', 8, 'ipv6', 'a multicast address'],
];

const ranges = INTERNAL.map(([network, prefix, family, what]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, family, what };
});

/**
 * An IPv4 address written as IPv6 (`::ffff:a.b.c.d`, or `::ffff:a9fe:a9fe` as URLs normalise it)
 * is checked as the IPv4 address it is.
 */
function unmapped(address: string): string {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return address;
  const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** What kind of internal address `address` is, or null for a public one. */
export function internalAddressKind(address: string): string | null {
  const ip = unmapped(address);
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  return ranges.find((r) => r.family === family && r.list.check(ip, family))?.what ?? null;
}

export const ALLOWED_ADDRESSES_SETTING = 'WEFT_WEBHOOK_ALLOWED_ADDRESSES';

/**
 * The operator's exceptions (WEFT_WEBHOOK_ALLOWED_ADDRESSES: comma-separated addresses or CIDR
 * ranges, e.g. `10.1.2.3,192.168.50.0/24`): internal addresses webhooks may reach anyway. Read at
 * each use, so a changed setting applies to the next request.
 */
export function allowedAddresses(setting = process.env[ALLOWED_ADDRESSES_SETTING] ?? ''): BlockList {
  const list = new BlockList();
  for (const entry of setting.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    if (family === 0) throw new Error(`${ALLOWED_ADDRESSES_SETTING}: "${entry}" is not an address or CIDR range`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** Why a webhook may not reach `address` (one of the host's resolved addresses), or null when it may. */
export function refusedAddress(address: string, allowed: BlockList = allowedAddresses()): string | null {
  const ip = unmapped(address);
  const kind = internalAddressKind(ip);
  if (!kind || allowed.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4')) return null;
  return `it resolves to ${kind}, which webhooks may not reach (an operator may allow it in ${ALLOWED_ADDRESSES_SETTING})`;
}
