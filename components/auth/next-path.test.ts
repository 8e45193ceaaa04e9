import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps a path of this site', () => {
    expect(safeNextPath('/invite/abc')).toBe('/invite/abc');
    expect(safeNextPath('/')).toBe('/');
  });

  it('refuses other origins, absolute URLs, several values and nothing', () => {
    for (const next of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', ['/a', '/b'], undefined, `/${'x'.repeat(600)}`]) {
      expect(safeNextPath(next)).toBe('/');
    }
  });
});
