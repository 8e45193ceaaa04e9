import { describe, expect, it } from 'vitest';
import { isFinalStep, runStatusOf, STEP_STATUSES } from './statuses';

describe('runStatusOf', () => {
  it('succeeded when every step succeeded or was skipped', () => {
    expect(runStatusOf(['succeeded', 'succeeded'])).toBe('succeeded');
    expect(runStatusOf(['succeeded', 'skipped', 'skipped'])).toBe('succeeded');
  });

  it('failed when a step failed, cancelled when one was cancelled', () => {
    expect(runStatusOf(['succeeded', 'failed', 'skipped'])).toBe('failed');
    expect(runStatusOf(['failed', 'cancelled', 'skipped'])).toBe('cancelled');
  });

  it('open while a step is: waiting for approval when a gate waits', () => {
    expect(runStatusOf(['failed', 'running'])).toBe('running');
    expect(runStatusOf(['pending'])).toBe('running');
    expect(runStatusOf(['running', 'waiting_approval'])).toBe('waiting_approval');
  });

  it('isFinalStep covers exactly the terminal statuses', () => {
    expect(STEP_STATUSES.filter(isFinalStep)).toEqual(['succeeded', 'failed', 'skipped', 'cancelled']);
  });
});
