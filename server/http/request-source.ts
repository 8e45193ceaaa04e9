/** Where a browser says a request comes from (it sets both headers itself; pages cannot forge them). */
export type TRequestSource = { origin: string | null; fetchSite: string | null };

export const requestSource = (headers: Headers): TRequestSource => ({ origin: headers.get('origin'), fetchSite: headers.get('sec-fetch-site') });

/**
 * Why a state-changing request is refused as coming from another site, or null. `Origin` decides
 * when present; else `Sec-Fetch-Site`. A request with neither comes from no browser (a script, a
 * test), so no page can have sent it on a signed-in user's behalf.
 */
export function crossSiteReason(source: TRequestSource, trusted: readonly string[]): string | null {
  if (source.origin !== null) return trusted.includes(source.origin) ? null : `Origin ${source.origin} is not trusted`;
  if (source.fetchSite !== null && source.fetchSite !== 'same-origin') return `A ${source.fetchSite} request may not change anything`;
  return null;
}
