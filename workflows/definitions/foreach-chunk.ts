import { runItems, type TForeachChunkInput, type TItemResult } from './foreach-items';
import { QuotaGate } from './quota-gate';

/**
 * A slice of a large for-each, run as a child workflow so that a 1,000-way fan-out spreads its
 * events over several histories instead of filling the run's own.
 */
export async function foreachChunk(input: TForeachChunkInput): Promise<TItemResult[]> {
  // its own gate: quota wake-ups are signalled to the workflow that waits
  return runItems(input, input.dispatch?.gpuQuotas ? new QuotaGate() : undefined);
}
