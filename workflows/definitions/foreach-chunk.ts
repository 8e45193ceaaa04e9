import { runItems, type TForeachChunkInput, type TItemResult } from './foreach-items';

/**
 * A slice of a large for-each, run as a child workflow so that a 1,000-way fan-out spreads its
 * events over several histories instead of filling the run's own.
 */
export async function foreachChunk(input: TForeachChunkInput): Promise<TItemResult[]> {
  return runItems(input);
}
