import { describe, expect, it } from 'vitest';
import { alertDispatchRetry } from './start-alert-dispatch';

describe('alert dispatch retry settings', () => {
  it('default to 8 attempts from 5 s, doubling up to 5 minutes', () => {
    expect(alertDispatchRetry({})).toEqual({ maximumAttempts: 8, initialIntervalMs: 5_000, maximumIntervalMs: 300_000 });
  });

  it('take the settings, and refuse nonsense by name', () => {
    expect(alertDispatchRetry({ WEFT_ALERT_DISPATCH_ATTEMPTS: '3', WEFT_ALERT_DISPATCH_RETRY_SECONDS: '0.2' })).toEqual({ maximumAttempts: 3, initialIntervalMs: 200, maximumIntervalMs: 300_000 });
    expect(() => alertDispatchRetry({ WEFT_ALERT_DISPATCH_ATTEMPTS: '0' })).toThrow(/WEFT_ALERT_DISPATCH_ATTEMPTS/);
    expect(() => alertDispatchRetry({ WEFT_ALERT_DISPATCH_RETRY_SECONDS: 'soon' })).toThrow(/WEFT_ALERT_DISPATCH_RETRY_SECONDS/);
  });
});
