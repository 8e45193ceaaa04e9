import { describe, expect, it } from 'vitest';
import { allowedAddresses, internalAddressKind, refusedAddress } from './address-policy';

describe('webhook address policy', () => {
  it('refuses loopback, private, link-local (cloud metadata) and reserved addresses, in both families', () => {
    for (const address of ['127.0.0.1', '10.0.0.5', '172.20.1.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe']) {
      expect(refusedAddress(address, allowedAddresses('')), address).toMatch(/webhooks may not reach/);
    }
    expect(internalAddressKind('169.254.169.254')).toMatch(/link-local/);
  });

  it('lets public addresses through', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700::1111', '172.32.0.1']) expect(refusedAddress(address, allowedAddresses('')), address).toBeNull();
  });

  it('lets through what the operator allows, by address or range, and nothing more', () => {
    const allowed = allowedAddresses('127.0.0.1, 10.1.0.0/16');
    expect(refusedAddress('127.0.0.1', allowed)).toBeNull();
    expect(refusedAddress('10.1.200.3', allowed)).toBeNull();
    expect(refusedAddress('10.2.0.1', allowed)).not.toBeNull();
    expect(refusedAddress('169.254.169.254', allowed)).not.toBeNull();
    expect(() => allowedAddresses('localhost')).toThrow(/not an address or CIDR range/);
  });
});
