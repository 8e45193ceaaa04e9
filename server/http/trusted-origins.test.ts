import os from 'node:os';
import { describe, expect, it } from 'vitest';
import nextConfig from '../../next.config';
import { trustedOrigins } from './trusted-origins';

describe('trustedOrigins', () => {
  it('trusts a local instance under each local name, on its port', () => {
    expect(trustedOrigins({ WEFT_PORT: '3005' })).toEqual(['http://localhost:3005', 'http://127.0.0.1:3005', `http://${os.hostname()}:3005`]);
    expect(trustedOrigins({ BETTER_AUTH_URL: 'http://127.0.0.1:3099' })).toContain('http://localhost:3099');
  });

  it('trusts only the public URL of a deployed instance', () => {
    expect(trustedOrigins({ BETTER_AUTH_URL: 'https://weft.example.com/' })).toEqual(['https://weft.example.com']);
  });

  it("lets Next's dev server serve its resources to the same local names", () => {
    expect(nextConfig.allowedDevOrigins).toEqual(expect.arrayContaining(['127.0.0.1', os.hostname()]));
  });
});
