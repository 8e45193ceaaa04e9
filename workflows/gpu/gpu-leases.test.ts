import { describe, expect, it } from 'vitest';
import { GpuLeases, NotEnoughGpusError } from './gpu-leases';
import { formatGpuSamples } from './gpu-sampler';
import { parseGpuList, parseNvidiaSmi } from './inventory';

const never = () => new AbortController().signal;
/** Resolves to 'pending' if the promise has not settled after the microtask queue drains. */
const state = async (p: Promise<unknown>) => Promise.race([p.then(() => 'resolved', () => 'rejected'), new Promise((r) => setTimeout(() => r('pending'), 0))]);

describe('GpuLeases', () => {
  it('issues a slot per free GPU and no more; a finished step frees its slot once the SDK releases it', async () => {
    const gpus = new GpuLeases(['0', '1']);
    await gpus.reserveSlot(never());
    await gpus.reserveSlot(never());
    const third = gpus.reserveSlot(never());
    expect(await state(third)).toBe('pending');
    expect(gpus.tryReserveSlot()).toBe(false);

    const a = await gpus.acquire(1, never());
    const b = await gpus.acquire(1, never());
    expect([a.devices, b.devices]).toEqual([['0'], ['1']]);
    a.release();
    a.release(); // idempotent
    expect(await state(third)).toBe('pending'); // a's slot is still the SDK's
    gpus.releaseSlot();
    expect(await state(third)).toBe('resolved');
    const c = await gpus.acquire(1, never());
    expect(c.devices).toEqual(['0']);
  });

  it('gives a multi-GPU step all its GPUs at once, in order of arrival (never overtaken)', async () => {
    const gpus = new GpuLeases(['0', '1', '2']);
    const one = await gpus.acquire(1, never());
    const pair = gpus.acquire(3, never());
    const late = gpus.acquire(1, never());
    expect(await state(pair)).toBe('pending');
    expect(await state(late)).toBe('pending'); // 2 GPUs are free, but the 3-GPU step came first
    one.release();
    expect((await pair).devices).toEqual(['0', '1', '2']);
    expect(await state(late)).toBe('pending');
    (await pair).release();
    expect((await late).devices).toEqual(['0']);
  });

  it('a step cancelled while it waits takes nothing and lets the next one through', async () => {
    const gpus = new GpuLeases(['0']);
    const held = await gpus.acquire(1, never());
    const abort = new AbortController();
    const cancelled = gpus.acquire(1, abort.signal);
    const next = gpus.acquire(1, never());
    abort.abort(new Error('cancelled'));
    await expect(cancelled).rejects.toThrow('cancelled');
    held.release();
    expect((await next).devices).toEqual(['0']);
    expect(gpus.leased).toBe(1);
  });

  it('refuses a step asking more GPUs than the worker has, and lets 0-GPU steps run without one', async () => {
    const gpus = new GpuLeases(['0', '1']);
    await expect(gpus.acquire(3, never())).rejects.toBeInstanceOf(NotEnoughGpusError);
    const none = await gpus.acquire(0, never());
    expect(none.devices).toEqual([]);
    expect(gpus.leased).toBe(0);
  });

  it('an aborted slot reservation rejects with AbortError', async () => {
    const gpus = new GpuLeases(['0']);
    await gpus.reserveSlot(never());
    const abort = new AbortController();
    const waiting = gpus.reserveSlot(abort.signal);
    abort.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('GPU inventory', () => {
  it('reads WEFT_GPUS and nvidia-smi output', () => {
    expect(parseGpuList('0, 1,3')).toEqual([{ index: '0' }, { index: '1' }, { index: '3' }]);
    expect(() => parseGpuList('0,0')).toThrow(/distinct/);
    expect(() => parseGpuList('gpu0')).toThrow(/WEFT_GPUS/);
    expect(parseNvidiaSmi('0, GPU-1a2b, NVIDIA H100 80GB HBM3, 81559\n1, GPU-3c4d, NVIDIA H100 80GB HBM3, 81559\n')).toEqual([
      { index: '0', uuid: 'GPU-1a2b', name: 'NVIDIA H100 80GB HBM3', memoryMb: 81_559 },
      { index: '1', uuid: 'GPU-3c4d', name: 'NVIDIA H100 80GB HBM3', memoryMb: 81_559 },
    ]);
    expect(formatGpuSamples('0, 87, 10240, 81559\n1, 0, 3, 81559\n')).toBe('[gpu 0] 87% util, 10240 / 81559 MiB\n[gpu 1] 0% util, 3 / 81559 MiB\n');
    expect(formatGpuSamples('No devices were found')).toBeUndefined();
  });
});
