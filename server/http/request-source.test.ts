import { describe, expect, it } from 'vitest';
import { crossSiteReason } from './request-source';

const trusted = ['http://localhost:3000'];

describe('crossSiteReason', () => {
  it('decides by Origin when there is one', () => {
    expect(crossSiteReason({ origin: 'http://localhost:3000', fetchSite: 'same-origin' }, trusted)).toBeNull();
    expect(crossSiteReason({ origin: 'https://evil.example', fetchSite: 'same-origin' }, trusted)).toBe('Origin https://evil.example is not trusted');
    expect(crossSiteReason({ origin: 'null', fetchSite: null }, trusted)).toBe('Origin null is not trusted');
  });

  it('else by Sec-Fetch-Site; a request with neither comes from no browser and passes', () => {
    expect(crossSiteReason({ origin: null, fetchSite: 'cross-site' }, trusted)).toBe('A cross-site request may not change anything');
    expect(crossSiteReason({ origin: null, fetchSite: 'same-site' }, trusted)).not.toBeNull();
    expect(crossSiteReason({ origin: null, fetchSite: 'same-origin' }, trusted)).toBeNull();
    expect(crossSiteReason({ origin: null, fetchSite: null }, trusted)).toBeNull();
  });
});
