import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxies } from './client-address';

const proxies = (list: string) => trustedProxies({ WEFT_TRUSTED_PROXIES: list });

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '1.2.3.4', proxies(''))).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, proxies(''))).toBe('203.0.113.9');
  });

  it('walks X-Forwarded-For from a trusted proxy to the first untrusted hop', () => {
    const trusted = proxies('10.0.0.0/8, ::1');
    expect(clientAddress('10.0.0.2', '1.2.3.4, 198.51.100.7, 10.0.0.1', trusted)).toBe('198.51.100.7');
    expect(clientAddress('::1', '198.51.100.7', trusted)).toBe('198.51.100.7');
    // a malformed hop ends the walk at the last real address
    expect(clientAddress('10.0.0.2', 'garbage', trusted)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', undefined, trusted)).toBe('10.0.0.2');
  });

  it('refuses a configuration that is not addresses or ranges', () => {
    expect(() => proxies('10.0.0.0/8,proxy.local')).toThrow('WEFT_TRUSTED_PROXIES: "proxy.local" is not an IP address or CIDR range');
  });
});
