import type { Payload } from '@temporalio/common';
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { COMPRESS_ABOVE_BYTES, LargePayloadCodec } from './data-converter';

const codec = new LargePayloadCodec();
const text = (p: Payload, key: string) => new TextDecoder().decode(p.metadata![key]!);

describe('LargePayloadCodec', () => {
  it('leaves small payloads as plain JSON (readable in the Temporal UI)', async () => {
    const small = defaultPayloadConverter.toPayload({ runId: 'r1' })!;
    expect(await codec.encode([small])).toEqual([small]);
  });

  it('compresses a large payload well under the limit and restores it exactly', async () => {
    const plan = { steps: Array.from({ length: 5_000 }, (_, i) => ({ nodeId: `n${i}`, kind: 'noop', retry: { maximumAttempts: 3 }, dependsOn: [`n${i - 1}`] })) };
    const payload = defaultPayloadConverter.toPayload(plan)!;
    expect(payload.data!.length).toBeGreaterThan(COMPRESS_ABOVE_BYTES);
    const [encoded] = await codec.encode([payload]);
    expect(text(encoded!, 'encoding')).toBe('binary/weft-gzip');
    expect(encoded!.data!.length).toBeLessThan(payload.data!.length / 10);
    const [decoded] = await codec.decode([encoded!]);
    expect(text(decoded!, 'encoding')).toBe('json/plain');
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(plan);
  });

  it('passes through payloads it did not encode (histories from before)', async () => {
    const plain = defaultPayloadConverter.toPayload('x'.repeat(COMPRESS_ABOVE_BYTES * 2))!;
    expect(await codec.decode([plain])).toEqual([plain]);
  });
});
