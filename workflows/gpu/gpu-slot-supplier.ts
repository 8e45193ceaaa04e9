import type { ActivitySlotInfo, CustomSlotSupplier } from '@temporalio/worker';
import type { GpuLeases } from './gpu-leases';

/**
 * The GPU worker's activity slots follow its free GPUs (Temporal's custom slot supplier): the
 * worker polls for another step only when a GPU is free for it, so queued steps wait in Temporal
 * (where other workers of the pool can take them), never inside a busy worker.
 */
export function gpuSlotSupplier(leases: GpuLeases): CustomSlotSupplier<ActivitySlotInfo> {
  return {
    type: 'custom',
    reserveSlot: async (_ctx, abortSignal) => {
      await leases.reserveSlot(abortSignal);
      return {};
    },
    tryReserveSlot: () => (leases.tryReserveSlot() ? {} : null),
    markSlotUsed: () => undefined,
    releaseSlot: () => leases.releaseSlot(),
  };
}
