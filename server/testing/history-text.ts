import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { LargePayloadCodec } from '../../workflows/data-converter';

/**
 * Everything a workflow's history holds, as text: every payload decoded (gzipped ones too) and
 * every string field, so a test can search it for what must never be there.
 */
export async function historyText(temporal: Client, workflowId: string): Promise<string> {
  const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
  const codec = new LargePayloadCodec();
  const parts: string[] = [];
  const visit = async (value: unknown): Promise<void> => {
    if (typeof value === 'string') parts.push(value);
    else if (value instanceof Uint8Array) parts.push(Buffer.from(value).toString('utf8'));
    else if (Array.isArray(value)) for (const item of value) await visit(item);
    else if (value && typeof value === 'object') {
      if ('data' in value && 'metadata' in value && value.data instanceof Uint8Array) {
        const [decoded] = await codec.decode([value as Payload]);
        parts.push(Buffer.from(decoded!.data ?? new Uint8Array()).toString('utf8'));
      }
      for (const item of Object.values(value)) await visit(item);
    }
  };
  await visit(history);
  return parts.join('\n');
}
