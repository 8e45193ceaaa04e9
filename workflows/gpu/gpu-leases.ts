/** GPUs held by one step attempt; `release()` is idempotent. */
export type TGpuLease = { devices: string[]; acquiredAt: number; release(): void };

type TWaiter = { count: number; resolve: (lease: TGpuLease) => void; reject: (error: Error) => void; signal: AbortSignal; onAbort: () => void };
type TSlotWaiter = { resolve: () => void; reject: (error: Error) => void; signal: AbortSignal; onAbort: () => void };

export class NotEnoughGpusError extends Error {}

/**
 * A GPU worker's GPUs and activity slots, kept in step: the worker asks Temporal for a task only
 * when a GPU is free for it (see gpu-slot-supplier.ts), and a step takes exactly the GPUs it asked
 * for, all at once, first come first served. Waiting is on promises, never a busy loop.
 *
 * Accounting: each slot handed to the SDK and not yet bound to a step counts as one GPU of demand,
 * so that at most as many tasks are taken as GPUs can serve: a new slot is issued only while
 * leased GPUs + unbound slots < total. A step that asks for 0 GPUs binds its slot without taking
 * a GPU (it runs with none visible), bounded by `maxSlots`.
 */
export class GpuLeases {
  private free: string[];
  private readonly waiters: TWaiter[] = [];
  private readonly slotWaiters: TSlotWaiter[] = [];
  private slots = 0; // issued to the SDK, not yet released
  private bound = 0; // slots whose step has taken its GPUs (or needs none)

  constructor(
    readonly devices: readonly string[],
    private readonly maxSlots = Math.max(devices.length, 1) * 4,
  ) {
    this.free = [...devices];
  }

  get total(): number {
    return this.devices.length;
  }

  get leased(): number {
    return this.devices.length - this.free.length;
  }

  /** For the Pools page and logs: what this worker can take now. */
  get freeSlots(): number {
    return Math.max(0, this.devices.length - this.leased - (this.slots - this.bound));
  }

  /** Takes `count` GPUs for a step (waiting for them if needed); `signal` aborts the wait. */
  acquire(count: number, signal: AbortSignal): Promise<TGpuLease> {
    if (count > this.total) {
      return Promise.reject(new NotEnoughGpusError(`The step asks for ${count} GPUs; this worker has ${this.total}`));
    }
    this.bound++;
    if (this.waiters.length === 0 && this.free.length >= count) return Promise.resolve(this.grant(count));
    return new Promise<TGpuLease>((resolve, reject) => {
      const waiter: TWaiter = {
        count,
        resolve,
        reject,
        signal,
        onAbort: () => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          this.bound--;
          reject(signal.reason instanceof Error ? signal.reason : new Error('Cancelled while waiting for GPUs'));
          this.wake();
        },
      };
      if (signal.aborted) return waiter.onAbort();
      signal.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  // ---- the slot supplier's side (gpu-slot-supplier.ts) ----

  /** Resolves when a slot may be issued (a GPU is free for one more task). */
  reserveSlot(signal: AbortSignal): Promise<void> {
    if (this.slotWaiters.length === 0 && this.canIssue()) {
      this.slots++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: TSlotWaiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          this.slotWaiters.splice(this.slotWaiters.indexOf(waiter), 1);
          const error = new Error('Slot reservation aborted');
          error.name = 'AbortError';
          reject(error);
        },
      };
      if (signal.aborted) return waiter.onAbort();
      signal.addEventListener('abort', waiter.onAbort, { once: true });
      this.slotWaiters.push(waiter);
    });
  }

  tryReserveSlot(): boolean {
    if (this.slotWaiters.length > 0 || !this.canIssue()) return false;
    this.slots++;
    return true;
  }

  /** The SDK is done with a slot (its task finished, or the slot was never used). */
  releaseSlot(): void {
    this.slots--;
    this.wake();
  }

  /** The step's GPUs are back; its slot is released by the SDK shortly after. */
  private unbind(devices: string[]): void {
    this.free.push(...devices);
    this.free.sort((a, b) => Number(a) - Number(b));
    this.bound--;
    this.wake();
  }

  private canIssue(): boolean {
    return this.slots < this.maxSlots && this.leased + (this.slots - this.bound) < this.total;
  }

  private grant(count: number): TGpuLease {
    const devices = this.free.splice(0, count);
    let released = false;
    return {
      devices,
      acquiredAt: Date.now(),
      release: () => {
        if (released) return;
        released = true;
        this.unbind(devices);
      },
    };
  }

  /** Serves waiting steps first (in order: no step is overtaken), then issues slots. */
  private wake(): void {
    while (this.waiters.length > 0 && this.free.length >= this.waiters[0]!.count) {
      const waiter = this.waiters.shift()!;
      waiter.signal.removeEventListener('abort', waiter.onAbort);
      waiter.resolve(this.grant(waiter.count));
    }
    while (this.slotWaiters.length > 0 && this.canIssue()) {
      const waiter = this.slotWaiters.shift()!;
      waiter.signal.removeEventListener('abort', waiter.onAbort);
      this.slots++;
      waiter.resolve();
    }
  }
}
