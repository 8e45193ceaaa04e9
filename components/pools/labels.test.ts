import { describe, expect, it } from 'vitest';
import { formatLabels, parseLabels } from './labels';

describe('pool labels text', () => {
  it('parses comma-separated key=value pairs, ignoring spaces and empty parts', () => {
    expect(parseLabels(' gpu = a100 ,mem=80g, ,')).toEqual({ ok: true, labels: { gpu: 'a100', mem: '80g' } });
    expect(parseLabels('')).toEqual({ ok: true, labels: {} });
  });

  it('refuses a part that is not key=value', () => {
    expect(parseLabels('gpu')).toMatchObject({ ok: false, error: expect.stringContaining('"gpu"') });
    expect(parseLabels('gpu=a=b')).toMatchObject({ ok: false });
    expect(parseLabels('zone=eu west')).toMatchObject({ ok: false });
  });

  it('refuses a key given twice', () => {
    expect(parseLabels('gpu=a100, gpu=h100')).toEqual({ ok: false, error: 'The label key "gpu" appears twice' });
  });

  it('formats a record back to text that parses to the same record', () => {
    const labels = { gpu: 'h100', zone: 'eu-west-1' };
    expect(formatLabels(labels)).toBe('gpu=h100, zone=eu-west-1');
    expect(parseLabels(formatLabels(labels))).toEqual({ ok: true, labels });
    expect(formatLabels({})).toBe('');
  });
});
